using CourierCrm.Domain.Customers;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Imports;

/// <summary>Customer imports: upsert by code within the importer's scope, the archive's own rules, one audit entry.</summary>
public abstract class CustomerImportTests(CrmWebFactory factory)
{
    private static readonly string?[] Header = ["客户编码", "客户名称", "客户类型", "市场类型", "电话", "联系人", "联系人电话", "省份", "城市", "详细地址", "行业"];

    private static string?[] Row(string code, string name = "深圳导入贸易有限公司") =>
        [code, name, "组织型", "电商", "0755-26661234", "陈经理", "13712345678", "广东省", "深圳市", "南山区科技园南区8栋", "电子"];

    private static byte[] File(params string?[][] rows)
    {
        var csv = new CsvBuilder().Row(Header);
        foreach (var row in rows) csv.Row(row);
        return csv.Bytes();
    }

    private static string Code() => "CI" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    private async Task<Customer?> CustomerAsync(string code)
    {
        await using var db = factory.NewDb();
        return await db.Customers.AsNoTracking().Include(c => c.Contacts).Include(c => c.Addresses).AsSplitQuery().SingleOrDefaultAsync(c => c.Code == code);
    }

    [Fact]
    public async Task A_new_code_becomes_a_customer_with_its_contact_and_address_in_the_importers_outlet()
    {
        var code = Code();

        await ImportApi.ImportAsync(await factory.SignedInAsync("rep.sz1"), "customers", File(Row(code)));

        var customer = await CustomerAsync(code);
        Assert.NotNull(customer);
        Assert.Equal(("深圳导入贸易有限公司", CustomerType.Organisation, MarketType.ECommerce, "电子"), (customer.Name, customer.Type, customer.MarketType, customer.Industry));
        Assert.Equal(("07552666", "1234"), (customer.PhoneDigits![..8], customer.PhoneLast4));
        Assert.Equal(("陈经理", "5678"), (customer.Contacts.Single().Name, customer.Contacts.Single().PhoneLast4));
        Assert.Equal(("广东省", "深圳市", true), (customer.Addresses.Single().Province, customer.Addresses.Single().City, customer.Addresses.Single().IsDefault));
        Assert.Equal((factory.Demo.OutletId("SZ-NS"), factory.Demo.UserId("rep.sz1")), (customer.OutletId, customer.OwnerId));
    }

    [Fact]
    public async Task A_known_code_is_updated_only_where_the_file_has_a_value()
    {
        var code = Code();
        var client = await factory.SignedInAsync("rep.sz1");
        await ImportApi.ImportAsync(client, "customers", File(Row(code)));
        var update = Row(code, "深圳导入贸易（集团）有限公司");
        update[Array.IndexOf(Header, "行业")] = "";
        update[Array.IndexOf(Header, "联系人电话")] = "13800001111";

        var job = await ImportApi.ImportAsync(client, "customers", File(update));

        var customer = await CustomerAsync(code);
        Assert.Equal(("深圳导入贸易（集团）有限公司", "电子", "1111"), (customer!.Name, customer.Industry, customer.Contacts.Single().PhoneLast4));
        Assert.Single(customer.Addresses);
        Assert.Equal("已导入 1 行（新增 0，更新 1）；0 行被拒绝。", job.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Importing_the_same_file_again_creates_no_duplicates()
    {
        var codes = Enumerable.Range(0, 5).Select(_ => Code()).ToList();
        var file = File([.. codes.Select(c => Row(c))]);
        var client = await factory.SignedInAsync("admin");

        await ImportApi.ImportAsync(client, "customers", file);
        await ImportApi.ImportAsync(client, "customers", file);

        await using var db = factory.NewDb();
        Assert.Equal(5, await db.Customers.CountAsync(c => codes.Contains(c.Code)));
        Assert.Equal(5, await db.Contacts.CountAsync(x => db.Customers.Where(c => codes.Contains(c.Code)).Select(c => c.Id).Contains(x.CustomerId)));
    }

    [Fact]
    public async Task A_code_of_a_customer_outside_the_importers_scope_is_a_row_error_and_that_customer_is_unchanged()
    {
        var code = Code();
        await ImportApi.ImportAsync(await factory.SignedInAsync("rep.sz2"), "customers", File(Row(code, "别人的客户")));

        var job = await ImportApi.ImportAsync(await factory.SignedInAsync("rep.sz1"), "customers", File(Row(code, "抢过来的客户")));

        Assert.Equal("别人的客户", (await CustomerAsync(code))!.Name);
        var error = Assert.Single(await ImportApi.ErrorReportAsync(await factory.SignedInAsync("rep.sz1"), job.JobId()));
        Assert.Equal(("2", "客户编码", code), (error[0], error[1], error[2]));
    }

    [Fact]
    public async Task The_archives_rules_apply_row_by_row_with_the_reason_in_the_readers_language()
    {
        var good = Code();
        var bad = Row(Code());
        bad[Array.IndexOf(Header, "电话")] = "12345";
        bad[Array.IndexOf(Header, "客户类型")] = "外星人";
        var blankName = Row(Code(), "");

        var job = await ImportApi.ImportAsync(await factory.SignedInAsync("admin"), "customers", File(Row(good), bad, blankName));

        Assert.NotNull(await CustomerAsync(good));
        var report = await ImportApi.ErrorReportAsync(await factory.SignedInAsync("admin"), job.JobId());
        Assert.Equal([("3", "客户类型"), ("4", "客户名称")], report.Select(r => (r[0], r[1])));
        Assert.Equal("必填。", report[1][3]);
        Assert.Equal(2, job.GetProperty("errorCount").GetInt64());
    }

    [Fact]
    public async Task A_bad_phone_is_reported_with_the_archives_phone_rule()
    {
        var row = Row(Code());
        row[Array.IndexOf(Header, "电话")] = "12345";

        var job = await ImportApi.ImportAsync(await factory.SignedInAsync("admin"), "customers", File(row));

        var error = Assert.Single(await ImportApi.ErrorReportAsync(await factory.SignedInAsync("admin"), job.JobId()));
        Assert.Equal(("电话", "12345"), (error[1], error[2]));
        Assert.NotEqual("", error[3]);
    }

    [Fact]
    public async Task The_import_leaves_one_audit_entry_with_its_counts_and_a_timeline_event_per_customer()
    {
        var code = Code();
        var job = await ImportApi.ImportAsync(await factory.SignedInAsync("admin"), "customers", File(Row(code)));

        await using var db = factory.NewDb();
        var entry = Assert.Single(await db.AuditEntries.Where(a => a.EntityType == "Customer" && a.EntityId == job.JobId().ToString()).ToListAsync());
        Assert.Equal(Domain.Audit.AuditAction.Import, entry.Action);
        Assert.Contains("1 rows, 1 created, 0 updated, 0 refused", entry.Summary, StringComparison.Ordinal);
        var id = (await CustomerAsync(code))!.Id;
        Assert.Equal("imported", Assert.Single(await db.CustomerEvents.Where(e => e.CustomerId == id).ToListAsync()).Kind);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCustomerImportTests(SqliteCrmWebFactory factory) : CustomerImportTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCustomerImportTests(PostgresCrmWebFactory factory) : CustomerImportTests(factory);
