using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Platform.Jobs;
using CourierCrm.Web.Tests.Infrastructure;
using CourierCrm.Web.Tests.Shipments;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Exports;

/// <summary>
/// Exports through the API as people start them: the list's filters, the caller's scope and masking,
/// formula-safe cells in both formats, one audit entry, the export right, bad input, other people's jobs.
/// </summary>
public abstract class ExportJobTests(CrmWebFactory factory)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static HttpRequestMessage Post(string path, object body, string language = "zh-CN") => new(HttpMethod.Post, path)
    {
        Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        Headers = { { "Accept-Language", language } },
    };

    /// <summary>Starts an export as <paramref name="user"/>, checks the 202 answer, and waits until the job has finished.</summary>
    private async Task<JobView> ExportAsync(string user, string path, object body, string language = "zh-CN")
    {
        var client = await factory.SignedInAsync(user);
        var response = await client.SendAsync(Post(path, body, language));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST {path} answered {(int)response.StatusCode}: {text}");
        var started = JsonSerializer.Deserialize<JobView>(text, JobJson.Options)!;
        Assert.Equal($"/api/v1/jobs/{started.Id}", response.Headers.Location?.OriginalString);
        return await WaitForAsync(client, started.Id);
    }

    private static async Task<JobView> WaitForAsync(HttpClient client, Guid id)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var job = (await client.GetFromJsonAsync<JobView>($"/api/v1/jobs/{id}", JobJson.Options))!;
            if (job.IsFinished) return job;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Export {id} is still {job.Status} ({job.DoneUnits}/{job.TotalUnits}) after {Patience}.");
            await Task.Delay(100);
        }
    }

    private async Task<byte[]> DownloadAsync(string user, JobView job)
    {
        Assert.True(job.Status == JobStatus.Succeeded, $"The export {job.Status}: {job.Message}");
        var response = await (await factory.SignedInAsync(user)).GetAsync($"/api/v1/jobs/{job.Id}/file");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<List<List<string>>> CsvRowsAsync(string user, string path, object body, string language = "zh-CN")
    {
        var job = await ExportAsync(user, path, body, language);
        return ExportFileReader.Csv(await DownloadAsync(user, job));
    }

    private async Task<List<List<string>>> XlsxRowsAsync(string user, string path, object body)
    {
        var job = await ExportAsync(user, path, body);
        var (_, rows) = ExportFileReader.Xlsx(await DownloadAsync(user, job));
        return rows.Select(r => r.Select(c => c.Text).ToList()).ToList();
    }

    /// <summary>Pushes waybills as the operations system does (the admin's API access).</summary>
    private async Task PushAsync(params WaybillJson[] waybills) =>
        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(await factory.SignedInAsync("admin"), "/api/v1/waybills", WaybillJson.Batch(waybills)));

    private static string NewTag() => "exp" + Guid.NewGuid().ToString("N")[..10];

    private Task<int> TaggedCustomerAsync(string owner, string tag) =>
        Arrange.CustomerAsync(factory, owner, new CustomerInputBuilder().With(c => c.Tags = [tag]));

    private static int Column(List<List<string>> rows, string header)
    {
        var index = rows[0].IndexOf(header);
        Assert.True(index >= 0, $"No column \"{header}\" in: {string.Join(" | ", rows[0])}");
        return index;
    }

    [Fact]
    public async Task A_customer_export_holds_exactly_the_filtered_customers_of_the_callers_scope_in_the_lists_order()
    {
        var tag = NewTag();
        var south = new[] { await TaggedCustomerAsync("rep.sz1", tag), await TaggedCustomerAsync("kam.south", tag) };
        await TaggedCustomerAsync("rep.bj1", tag); // another region: outside the southern manager's scope
        await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder()); // in scope, without the tag

        var rows = await CsvRowsAsync("mgr.south", "/api/v1/customers/exports", new { format = "Csv", tag, sort = "code", direction = "Desc" });

        var manager = await factory.SignedInAsync("mgr.south");
        var list = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(manager, $"/api/v1/customers?tag={tag}&sort=code&direction=Desc"));
        var listed = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
        await using var db = factory.NewDb();
        var expected = await db.Customers.Where(c => south.Contains(c.Id)).OrderByDescending(c => c.Code).Select(c => c.Code).ToListAsync();
        Assert.Equal(expected, listed);
        Assert.Equal(expected, rows.Skip(1).Select(r => r[Column(rows, "客户编码")]));
    }

    [Fact]
    public async Task A_sales_rep_given_the_export_right_exports_only_their_own_customers()
    {
        var tag = NewTag();
        var own = await TaggedCustomerAsync("rep.sz1", tag);
        await TaggedCustomerAsync("rep.sz2", tag);
        await TaggedCustomerAsync("kam.south", tag);

        List<List<string>> rows;
        await using (await ExportRight.GrantAsync(factory, StaffRole.SalesRep))
            rows = await CsvRowsAsync("rep.sz1", "/api/v1/customers/exports", new { format = "Csv", tag });

        await using var db = factory.NewDb();
        Assert.Equal([await db.Customers.Where(c => c.Id == own).Select(c => c.Code).SingleAsync()], rows.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task An_administrator_exports_every_region()
    {
        var tag = NewTag();
        await TaggedCustomerAsync("rep.sz1", tag);
        await TaggedCustomerAsync("rep.bj1", tag);

        var rows = await XlsxRowsAsync("admin", "/api/v1/customers/exports", new { format = "Xlsx", tag });

        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public async Task Column_headers_and_labels_are_in_the_language_of_the_person_who_started_the_export()
    {
        var tag = NewTag();
        await TaggedCustomerAsync("rep.sz1", tag);

        var english = await CsvRowsAsync("admin", "/api/v1/customers/exports", new { format = "Csv", tag }, language: "en");
        var chinese = await CsvRowsAsync("admin", "/api/v1/customers/exports", new { format = "Csv", tag }, language: "zh-CN");

        Assert.Equal("Customer code", english[0][0]);
        Assert.Equal("Organisation", english[1][Column(english, "Customer type")]);
        Assert.Equal("客户编码", chinese[0][0]);
    }

    [Fact]
    public async Task Waybill_personal_data_is_masked_for_a_role_without_the_permission_and_clear_for_a_manager()
    {
        var customer = new CustomerInputBuilder();
        await Arrange.CustomerAsync(factory, "rep.sz1", customer);
        var waybill = new WaybillJson(customer.Build().Code);
        await PushAsync(waybill);
        var filter = new { format = "Xlsx", number = waybill.Number };

        var analyst = await XlsxRowsAsync("analyst", "/api/v1/waybills/exports", filter);
        var manager = await XlsxRowsAsync("mgr.south", "/api/v1/waybills/exports", filter);

        Assert.Equal(2, analyst.Count);
        Assert.Equal("138******78", analyst[1][Column(analyst, "寄件人电话")]);
        Assert.Equal("张*丰", analyst[1][Column(analyst, "寄件人")]);
        Assert.DoesNotContain("12", analyst[1][Column(analyst, "寄件地址")]);
        Assert.Equal("13812345678", manager[1][Column(manager, "寄件人电话")]);
        Assert.Equal("张三丰", manager[1][Column(manager, "寄件人")]);
    }

    [Fact]
    public async Task Waybill_numbers_stay_numbers_in_excel_money_in_yuan_and_weight_in_kilograms()
    {
        var waybill = new WaybillJson().Set("weightKg", 2.345m).Set("freight", 1234.5m).Set("pieces", 3);
        await PushAsync(waybill);

        var job = await ExportAsync("admin", "/api/v1/waybills/exports", new { format = "Xlsx", number = waybill.Number });
        var (sheet, rows) = ExportFileReader.Xlsx(await DownloadAsync("admin", job));

        Assert.Equal("运单", sheet);
        var header = rows[0].Select(c => c.Text).ToList();
        var row = rows[1];
        Assert.Equal(("1234.5", true), (row[header.IndexOf("运费（元）")].Text, row[header.IndexOf("运费（元）")].IsNumber));
        Assert.Equal(("2.345", true), (row[header.IndexOf("重量（千克）")].Text, row[header.IndexOf("重量（千克）")].IsNumber));
        Assert.Equal(("3", true), (row[header.IndexOf("件数")].Text, row[header.IndexOf("件数")].IsNumber));
        Assert.Equal("2026-10-01 09:30", row[header.IndexOf("下单时间")].Text);
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_as_formulas_are_neutralised_in_csv_and_in_excel()
    {
        const string formula = "=HYPERLINK(\"http://evil.example\",\"点我\")";
        var waybill = new WaybillJson().Set("senderName", formula).Set("receiverAddress", "@SUM(1+1)").Set("destinationCity", "+上海");
        await PushAsync(waybill);
        var filter = new { number = waybill.Number };

        var csv = await CsvRowsAsync("admin", "/api/v1/waybills/exports", new { format = "Csv", filter.number });
        var xlsx = await XlsxRowsAsync("admin", "/api/v1/waybills/exports", new { format = "Xlsx", filter.number });

        foreach (var rows in new[] { csv, xlsx })
        {
            Assert.Equal("'" + formula, rows[1][Column(rows, "寄件人")]);
            Assert.Equal("'@SUM(1+1)", rows[1][Column(rows, "收件地址")]);
            Assert.Equal("'+上海", rows[1][Column(rows, "目的城市")]);
        }
    }

    [Fact]
    public async Task A_finished_export_leaves_one_audit_entry_naming_the_format_the_rows_and_the_filter()
    {
        var waybills = new[] { new WaybillJson(), new WaybillJson() };
        await PushAsync(waybills);
        var prefix = waybills[0].Number[..^2];

        var job = await ExportAsync("admin", "/api/v1/waybills/exports", new { format = "Xlsx", number = prefix, status = "Ordered" });

        await using var db = factory.NewDb();
        var entry = Assert.Single(await db.AuditEntries.Where(a => a.Action == AuditAction.Export && a.EntityType == "Waybill" && a.Summary!.Contains(job.Id.ToString())).ToListAsync());
        Assert.Equal(factory.Demo.UserId("admin"), entry.ActorId);
        Assert.Contains("Excel export of " + job.DoneUnits + " waybills", entry.Summary);
        Assert.Contains("number=" + prefix, entry.Summary);
        Assert.Contains("status=Ordered", entry.Summary);
        Assert.True(job.DoneUnits >= 2);
        Assert.Equal(job.DoneUnits, job.TotalUnits);
    }

    [Theory]
    [InlineData("rep.sz1", "/api/v1/customers/exports")]
    [InlineData("cs.sz", "/api/v1/waybills/exports")]
    public async Task A_role_without_the_export_right_gets_403_and_no_job(string user, string path)
    {
        var client = await factory.SignedInAsync(user);
        var before = (await client.GetFromJsonAsync<List<JobView>>("/api/v1/jobs", JobJson.Options))!.Count;

        await CrmApi.ProblemAsync(await CrmApi.PostAsync(client, path, new { format = "Csv" }), HttpStatusCode.Forbidden);

        Assert.Equal(before, (await client.GetFromJsonAsync<List<JobView>>("/api/v1/jobs", JobJson.Options))!.Count);
    }

    [Theory]
    [InlineData("/api/v1/customers/exports", """{"format":"Pdf"}""", "format")]
    [InlineData("/api/v1/customers/exports", """{}""", "format")]
    [InlineData("/api/v1/customers/exports", """{"format":"Csv","sort":"salary"}""", "sort")]
    [InlineData("/api/v1/customers/exports", """{"format":"Csv","type":99}""", "type")]
    [InlineData("/api/v1/customers/exports", """{"format":"Csv","outletId":"SZ"}""", "outletId")]
    [InlineData("/api/v1/customers/exports", """{"format":"Csv","page":3}""", "page")]
    [InlineData("/api/v1/waybills/exports", """{"format":"Csv","from":"2026-10-05","to":"2026-10-01"}""", "to")]
    [InlineData("/api/v1/waybills/exports", """{"format":"Csv","status":"Lost"}""", "status")]
    [InlineData("/api/v1/waybills/exports", """{"format":"Csv","from":"yesterday"}""", "from")]
    public async Task Bad_input_answers_400_naming_the_field(string path, string body, string field) =>
        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(await factory.SignedInAsync("admin"), path, body), field);

    [Fact]
    public async Task Another_persons_export_job_and_its_file_are_not_found()
    {
        var job = await ExportAsync("mgr.south", "/api/v1/waybills/exports", new { format = "Csv", number = "NO-SUCH-PREFIX" });
        var analyst = await factory.SignedInAsync("analyst");

        await CrmApi.ProblemAsync(await CrmApi.GetAsync(analyst, $"/api/v1/jobs/{job.Id}"), HttpStatusCode.NotFound);
        await CrmApi.ProblemAsync(await CrmApi.GetAsync(analyst, $"/api/v1/jobs/{job.Id}/file"), HttpStatusCode.NotFound);
        Assert.Single(await CsvRowsAsync("mgr.south", "/api/v1/waybills/exports", new { format = "Csv", number = "NO-SUCH-PREFIX" }));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteExportJobTests(SqliteCrmWebFactory factory) : ExportJobTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresExportJobTests(PostgresCrmWebFactory factory) : ExportJobTests(factory);
