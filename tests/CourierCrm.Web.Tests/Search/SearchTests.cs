using System.Net;
using System.Text.Json;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Search;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Search;

/// <summary>GET /api/v1/search finds the right customer by every kind of number or name a caller gives.</summary>
public abstract class SearchTests(CrmWebFactory factory)
{
    internal static readonly JsonSerializerOptions Json = new(CustomerInputBuilder.Json)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static async Task<SearchResult> SearchAsync(HttpClient client, string q, int limit = 50)
    {
        var response = await CrmApi.GetAsync(client, $"/api/v1/search?q={Uri.EscapeDataString(q)}&limit={limit}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"search '{q}' answered {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<SearchResult>(text, Json)!;
    }

    /// <summary>Adds a waybill sent by a customer straight into the database (the push API is another feature's).</summary>
    internal static async Task<string> WaybillAsync(CrmWebFactory factory, int customerId)
    {
        await using var db = factory.NewDb();
        var number = "SF" + Random.Shared.NextInt64(1_000_000_000L, 9_999_999_999L).ToString(System.Globalization.CultureInfo.InvariantCulture);
        db.Waybills.Add(new Waybill
        {
            Number = number, CustomerId = customerId, OriginCity = "深圳市", DestinationCity = "上海市",
            OrderedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, FreightFen = 1200, WeightGrams = 500,
        });
        await db.SaveChangesAsync();
        return number;
    }

    private async Task<(int Id, CustomerInputBuilder Builder)> CustomerAsync(Action<CustomerInputBuilder>? change = null)
    {
        var builder = new CustomerInputBuilder();
        change?.Invoke(builder);
        return (await Arrange.CustomerAsync(factory, "rep.sz1", builder), builder);
    }

    private static SearchHit HitFor(SearchResult result, int id) =>
        result.Hits.SingleOrDefault(h => h.CustomerId == id)
        ?? throw new Xunit.Sdk.XunitException($"Customer {id} not among {result.Hits.Count} hits for '{result.Query}': "
            + string.Join(", ", result.Hits.Select(h => $"{h.CustomerId} {h.Match}")));

    [Fact]
    public async Task A_whole_phone_number_opens_its_customer_however_it_is_written()
    {
        var (id, builder) = await CustomerAsync();
        var phone = builder.Build().Phone!;
        var admin = await factory.SignedInAsync("admin");

        foreach (var q in new[] { phone, $"+86 {phone[..3]}-{phone[3..7]}-{phone[7..]}" })
        {
            var result = await SearchAsync(admin, q);
            Assert.Equal(SearchMatch.Phone, HitFor(result, id).Match);
            Assert.Equal(id, result.Hits[0].CustomerId);
            Assert.Equal(id, result.OpenCustomerId);
        }
    }

    [Fact]
    public async Task A_contacts_whole_phone_finds_the_customer()
    {
        var contactPhone = CustomerInputBuilder.NewMobile();
        var (id, _) = await CustomerAsync(b => b.WithContact("诸葛亮", contactPhone));

        var result = await SearchAsync(await factory.SignedInAsync("admin"), contactPhone);

        Assert.Equal(SearchMatch.ContactPhone, HitFor(result, id).Match);
        Assert.Equal(id, result.OpenCustomerId);
    }

    [Fact]
    public async Task A_phone_prefix_finds_the_customer()
    {
        var (id, builder) = await CustomerAsync();
        var phone = builder.Build().Phone!;

        var result = await SearchAsync(await factory.SignedInAsync("admin"), phone[..10]);

        Assert.Equal(SearchMatch.PhonePrefix, HitFor(result, id).Match);
        Assert.Null(result.OpenCustomerId);
    }

    [Fact]
    public async Task The_last_four_digits_find_customers_and_contacts_phones()
    {
        var ownPhone = "1995555" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lastFour = ownPhone[^4..];
        var (byOwn, _) = await CustomerAsync(b => b.WithPhone(ownPhone));
        var (byContact, _) = await CustomerAsync(b => b.WithContact("司马懿", "1996666" + lastFour));

        var result = await SearchAsync(await factory.SignedInAsync("admin"), lastFour);

        Assert.Equal(SearchMatch.PhoneLastFour, HitFor(result, byOwn).Match);
        Assert.Equal(SearchMatch.ContactPhoneLastFour, HitFor(result, byContact).Match);
        Assert.Contains(lastFour, HitFor(result, byOwn).Reason);
    }

    [Fact]
    public async Task Searches_of_one_kind_after_another_each_answer_their_own_values()
    {
        // A statement of one shape is compiled once per connection and bound to each search's values:
        // the second search must not see the first one's.
        static string Phone(string start) => start + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (first, firstBuilder) = await CustomerAsync(b => b.WithPhone(Phone("1391357")));
        var (second, secondBuilder) = await CustomerAsync(b => b.WithPhone(Phone("1382468")));
        var admin = await factory.SignedInAsync("admin");

        for (var round = 0; round < 2; round++)
            foreach (var (id, other, input) in new[] { (first, second, firstBuilder.Build()), (second, first, secondBuilder.Build()) })
                foreach (var q in new[] { input.Phone![..7], input.Phone, input.Name })
                {
                    var result = await SearchAsync(admin, q);
                    Assert.Contains(result.Hits, h => h.CustomerId == id);
                    Assert.DoesNotContain(result.Hits, h => h.CustomerId == other);
                }
    }

    [Fact]
    public async Task A_waybill_number_opens_its_sender_even_typed_in_lower_case()
    {
        var (id, _) = await CustomerAsync();
        var number = await WaybillAsync(factory, id);
        var admin = await factory.SignedInAsync("admin");

        foreach (var q in new[] { number, number.ToLowerInvariant() })
        {
            var result = await SearchAsync(admin, q);
            var hit = HitFor(result, id);
            Assert.Equal(SearchMatch.Waybill, hit.Match);
            Assert.Equal(number, hit.Matched);
            Assert.Equal(id, result.OpenCustomerId);
        }
    }

    [Fact]
    public async Task A_monthly_account_number_and_a_customer_code_open_their_customer()
    {
        var account = "M" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var (id, builder) = await CustomerAsync(b => b.With(i => i.MonthlyAccountNo = account));
        var admin = await factory.SignedInAsync("admin");

        var byAccount = await SearchAsync(admin, account);
        Assert.Equal(SearchMatch.MonthlyAccount, HitFor(byAccount, id).Match);
        Assert.Equal(id, byAccount.OpenCustomerId);

        var byCode = await SearchAsync(admin, builder.Build().Code!);
        Assert.Equal(SearchMatch.Code, HitFor(byCode, id).Match);
        Assert.Equal(id, byCode.OpenCustomerId);
    }

    [Fact]
    public async Task A_name_substring_and_a_contact_name_find_the_customer_with_name_prefixes_first()
    {
        // A letter first: an all-digit tag would be read as a phone number.
        var tag = "q" + Guid.NewGuid().ToString("N")[..5];
        var (inside, _) = await CustomerAsync(b => b.Named($"华南{tag}冷链物流有限公司"));
        var (starting, _) = await CustomerAsync(b => b.Named($"{tag}冷链物流有限公司"));
        var (byContact, _) = await CustomerAsync(b => b.WithContact($"联系人{tag}", null));
        var admin = await factory.SignedInAsync("admin");

        var result = await SearchAsync(admin, tag.ToUpperInvariant());

        Assert.Equal(SearchMatch.NamePrefix, HitFor(result, starting).Match);
        Assert.Equal(SearchMatch.Name, HitFor(result, inside).Match);
        Assert.Equal(SearchMatch.ContactName, HitFor(result, byContact).Match);
        var order = result.Hits.Select(h => h.CustomerId).ToList();
        Assert.True(order.IndexOf(starting) < order.IndexOf(inside), "A name starting with the query ranks first.");
        Assert.Equal($"华南{tag}冷链物流有限公司", HitFor(await SearchAsync(admin, $"{tag}冷链"), inside).Name);
    }

    [Fact]
    public async Task One_and_two_character_names_are_found()
    {
        var rare = "\u9F98\u9F7E"; // two rare characters no demo name holds
        var (id, _) = await CustomerAsync(b => b.Named($"测试{rare}商行"));
        var admin = await factory.SignedInAsync("admin");

        Assert.Equal(SearchMatch.Name, HitFor(await SearchAsync(admin, rare), id).Match);
        Assert.Equal(SearchMatch.Name, HitFor(await SearchAsync(admin, rare[..1]), id).Match);
    }

    [Fact]
    public async Task A_renamed_customer_is_found_by_its_new_name_only()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await CustomerAsync(b => b.Named($"旧名{tag}有限公司"));
        await using (var db = factory.NewDb())
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == id);
            customer.Name = $"新名{tag}有限公司";
            await db.SaveChangesAsync();
        }
        var admin = await factory.SignedInAsync("admin");

        Assert.Empty((await SearchAsync(admin, $"旧名{tag}")).Hits);
        Assert.Equal(id, Assert.Single((await SearchAsync(admin, $"新名{tag}")).Hits).CustomerId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_query_is_refused_naming_q(string q)
    {
        var admin = await factory.SignedInAsync("admin");
        await CrmApi.FieldErrorAsync(await CrmApi.GetAsync(admin, $"/api/v1/search?q={Uri.EscapeDataString(q)}"), "q");
        await CrmApi.FieldErrorAsync(await CrmApi.GetAsync(admin, "/api/v1/search"), "q");
    }

    [Fact]
    public async Task A_too_long_query_and_a_bad_limit_are_refused()
    {
        var admin = await factory.SignedInAsync("admin");
        await CrmApi.FieldErrorAsync(await CrmApi.GetAsync(admin, $"/api/v1/search?q={new string('快', 101)}"), "q");
        await CrmApi.FieldErrorAsync(await CrmApi.GetAsync(admin, "/api/v1/search?q=abc&limit=0"), "limit");
        await CrmApi.FieldErrorAsync(await CrmApi.GetAsync(admin, "/api/v1/search?q=abc&limit=51"), "limit");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().GetAsync("/api/v1/search?q=abc")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSearchTests(SqliteCrmWebFactory factory) : SearchTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSearchTests(PostgresCrmWebFactory factory) : SearchTests(factory);
