using System.Net;
using System.Text;
using System.Text.Json;
using CourierCrm.Domain.Audit;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Tests.Infrastructure;

namespace CourierCrm.Web.Tests.Privacy;

/// <summary>
/// Personal data (phones, personal names, rooms) is masked in API answers for roles without the
/// personal-data permission, clear for those with it, and revealed only by an audited action.
/// </summary>
public abstract class MaskingTests(CrmWebFactory factory)
{
    private const string PersonName = "欧阳晓明";
    private const string ContactName = "司马相如";

    // Chinese left unescaped, so "the name is nowhere in the answer" can actually find it.
    private static readonly JsonSerializerOptions Readable = new(CustomerInputBuilder.Json) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An individual customer of SZ-NS owned by rep.sz1, with a contact, a room and a phone.</summary>
    private async Task<(int Id, CustomerInput Input)> PrivateCustomerAsync()
    {
        var builder = new CustomerInputBuilder().Individual(PersonName).WithContact(ContactName, CustomerInputBuilder.NewMobile());
        var id = await Arrange.CustomerAsync(factory, "rep.sz1", builder);
        return (id, builder.Build());
    }

    [Fact]
    public async Task Agent_without_the_permission_gets_the_archive_masked()
    {
        var (id, input) = await PrivateCustomerAsync();
        var agent = await factory.SignedInAsync("cs.sz");

        var detail = await CrmApi.OkAsync<CustomerDetail>(await CrmApi.GetAsync(agent, $"/api/v1/customers/{id}"));

        Assert.True(detail.IsMasked);
        AssertMaskedPhone(input.Phone!, detail.Archive.Phone);
        Assert.Equal("欧**明", detail.Name);
        Assert.Equal("欧**明", detail.Archive.Name);
        Assert.All(detail.Archive.Contacts, c => Assert.DoesNotContain(c.Name, new[] { "欧阳娜娜", ContactName }));
        Assert.Contains(detail.Archive.Contacts, c => c.Name == "司**如");
        Assert.All(detail.Archive.Contacts, c => AssertMaskedPhone(null, c.Phone));
        Assert.All(detail.Archive.Addresses, a => Assert.Equal("****", a.Room));
        var everything = JsonSerializer.Serialize(detail, Readable);
        Assert.DoesNotContain(input.Phone!, everything);
        Assert.DoesNotContain(PersonName, everything);
        Assert.DoesNotContain(ContactName, everything);
        Assert.DoesNotContain("A座1201室", everything);
    }

    [Fact]
    public async Task Agent_without_the_permission_gets_the_list_masked()
    {
        var (_, input) = await PrivateCustomerAsync();
        var agent = await factory.SignedInAsync("cs.sz");

        var found = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(agent, "/api/v1/customers?search=" + input.Code));
        var page = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(agent, "/api/v1/customers?pageSize=200"));

        var row = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal("欧**明", row.GetProperty("name").GetString());
        AssertMaskedPhone(input.Phone!, row.GetProperty("phone").GetString());
        Assert.True(row.GetProperty("isMasked").GetBoolean());
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            Assert.True(item.GetProperty("isMasked").GetBoolean());
            if (item.GetProperty("phone").GetString() is { } phone) AssertMaskedPhone(null, phone);
        }
    }

    [Theory]
    [InlineData("rep.sz1")]
    [InlineData("admin")]
    public async Task Roles_with_the_permission_get_the_archive_in_clear(string user)
    {
        var (id, input) = await PrivateCustomerAsync();
        var client = await factory.SignedInAsync(user);

        var detail = await CrmApi.OkAsync<CustomerDetail>(await CrmApi.GetAsync(client, $"/api/v1/customers/{id}"));
        var list = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, "/api/v1/customers?search=" + input.Code));

        Assert.False(detail.IsMasked);
        Assert.Equal(PersonName, detail.Name);
        Assert.Equal(input.Phone, detail.Archive.Phone);
        Assert.Contains(detail.Archive.Contacts, c => c.Name == ContactName && c.Phone == input.Contacts[1].Phone);
        Assert.Equal("A座1201室", Assert.Single(detail.Archive.Addresses).Room);
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(PersonName, row.GetProperty("name").GetString());
        Assert.Equal(input.Phone, row.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Reveal_gives_the_agent_the_clear_archive_and_is_audited()
    {
        var (id, input) = await PrivateCustomerAsync();
        var agent = await factory.SignedInAsync("cs.sz");
        var auditBefore = await Arrange.CustomerAuditAsync(factory, id);

        var revealed = await CrmApi.OkAsync<CustomerInput>(await CrmApi.PostAsync(agent, $"/api/v1/customers/{id}/reveal", null));

        Assert.Equal(PersonName, revealed.Name);
        Assert.Equal(input.Phone, revealed.Phone);
        Assert.Contains(revealed.Contacts, c => c.Name == ContactName && c.Phone == input.Contacts[1].Phone);
        Assert.Equal("A座1201室", Assert.Single(revealed.Addresses).Room);
        var entry = Assert.Single((await Arrange.CustomerAuditAsync(factory, id)).Except(auditBefore, new SameId()));
        Assert.Equal(AuditAction.Reveal, entry.Action);
        Assert.Equal(factory.Demo.UserId("cs.sz"), entry.ActorId);
    }

    [Fact]
    public async Task Analyst_cannot_reveal_and_the_refusal_is_not_audited_as_a_reveal()
    {
        var (id, _) = await PrivateCustomerAsync();
        var analyst = await factory.SignedInAsync("analyst");

        var response = await CrmApi.PostAsync(analyst, $"/api/v1/customers/{id}/reveal", null);

        await CrmApi.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.DoesNotContain(await Arrange.CustomerAuditAsync(factory, id), e => e.Action == AuditAction.Reveal);
    }

    [Fact]
    public async Task Analysts_export_is_masked_and_audited()
    {
        var (_, input) = await PrivateCustomerAsync();
        var analyst = await factory.SignedInAsync("analyst");

        var response = await analyst.GetAsync("/api/v1/customers/export?search=" + input.Code);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(input.Code!, csv);
        Assert.DoesNotContain(input.Phone!, csv);
        Assert.DoesNotContain(PersonName, csv);
        Assert.Contains("欧**明", csv);
        await using var db = factory.NewDb();
        var analystId = factory.Demo.UserId("analyst");
        Assert.Contains(db.AuditEntries.Where(e => e.Action == AuditAction.Export && e.ActorId == analystId).AsEnumerable(),
            e => e.Summary!.Contains(input.Code!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agent_saving_back_the_masked_archive_does_not_overwrite_personal_data_with_the_masks()
    {
        // No phones, so nothing in the masked archive fails validation: only the masks themselves could be saved.
        var builder = new CustomerInputBuilder().WithPhone(null).With(i => i.Contacts = [new ContactInput { Name = ContactName, Role = Domain.Customers.ContactRole.Finance }]);
        var id = await Arrange.CustomerAsync(factory, "rep.sz1", builder);
        var agent = await factory.SignedInAsync("cs.sz");
        var masked = await CrmApi.OkAsync<CustomerDetail>(await CrmApi.GetAsync(agent, $"/api/v1/customers/{id}"));
        masked.Archive.Industry = "物流"; // the agent's real change

        var response = await CrmApi.PutAsync(agent, $"/api/v1/customers/{id}", masked.Archive);

        Assert.True((int)response.StatusCode < 500, $"answered {(int)response.StatusCode}");
        var stored = await CrmApi.OkAsync<CustomerDetail>(await CrmApi.GetAsync(await factory.SignedInAsync("rep.sz1"), $"/api/v1/customers/{id}"));
        Assert.Equal(ContactName, Assert.Single(stored.Archive.Contacts).Name);
        Assert.Equal("A座1201室", Assert.Single(stored.Archive.Addresses).Room);
        Assert.Equal(builder.Build().Addresses[0].Street, stored.Archive.Addresses[0].Street);
    }

    /// <summary>At least 6 digits hidden; the clear number (when known) nowhere in the value.</summary>
    private static void AssertMaskedPhone(string? clear, string? masked)
    {
        Assert.NotNull(masked);
        Assert.True(masked.Count(ch => ch == '*') >= 6, $"'{masked}' hides fewer than 6 digits.");
        if (clear is not null) Assert.NotEqual(clear, masked);
    }

    private sealed class SameId : IEqualityComparer<AuditEntry>
    {
        public bool Equals(AuditEntry? x, AuditEntry? y) => x?.Id == y?.Id;
        public int GetHashCode(AuditEntry obj) => obj.Id.GetHashCode();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMaskingTests(SqliteCrmWebFactory factory) : MaskingTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMaskingTests(PostgresCrmWebFactory factory) : MaskingTests(factory);
