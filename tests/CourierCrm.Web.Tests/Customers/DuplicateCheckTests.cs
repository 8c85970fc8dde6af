using CourierCrm.Domain.Customers;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Tests.Infrastructure;

namespace CourierCrm.Web.Tests.Customers;

/// <summary>POST /api/v1/customers/duplicates warns of a customer with the same phone, giving away nothing outside the caller's scope.</summary>
public abstract class DuplicateCheckTests(CrmWebFactory factory)
{
    [Fact]
    public async Task Same_phone_as_a_customer_in_scope_is_a_SamePhone_match_with_its_id()
    {
        var existing = new CustomerInputBuilder();
        var id = await Arrange.CustomerAsync(factory, "rep.sz1", existing);
        var rep = await factory.SignedInAsync("rep.sz1");

        var matches = await CrmApi.OkAsync<List<DuplicateWarning>>(await CrmApi.PostAsync(rep, "/api/v1/customers/duplicates",
            new CustomerInputBuilder().WithPhone(existing.Build().Phone).ToJson()));

        var match = Assert.Single(matches, m => m.Code == existing.Build().Code);
        Assert.Equal(DuplicateReason.SamePhone, match.Reason);
        Assert.Equal(id, match.Id);
        Assert.True(match.InScope);
        Assert.Equal(existing.Build().Name, match.Name);
    }

    [Fact]
    public async Task Contact_phone_of_the_new_customer_matching_a_stored_phone_is_a_SamePhone_match()
    {
        var existing = new CustomerInputBuilder();
        await Arrange.CustomerAsync(factory, "rep.sz1", existing);
        var rep = await factory.SignedInAsync("rep.sz1");

        var matches = await CrmApi.OkAsync<List<DuplicateWarning>>(await CrmApi.PostAsync(rep, "/api/v1/customers/duplicates",
            new CustomerInputBuilder().WithContact("发货员小王", existing.Build().Contacts[0].Phone).ToJson()));

        Assert.Contains(matches, m => m.Code == existing.Build().Code && m.Reason == DuplicateReason.SamePhone);
    }

    [Fact]
    public async Task Same_phone_as_a_customer_outside_the_scope_is_reported_without_id_or_clear_name()
    {
        var theirs = new CustomerInputBuilder();
        await Arrange.CustomerAsync(factory, "rep.sz2", theirs);
        var rep = await factory.SignedInAsync("rep.sz1");

        var matches = await CrmApi.OkAsync<List<DuplicateWarning>>(await CrmApi.PostAsync(rep, "/api/v1/customers/duplicates",
            new CustomerInputBuilder().WithPhone(theirs.Build().Phone).ToJson()));

        var match = Assert.Single(matches, m => m.Code == theirs.Build().Code);
        Assert.Equal(DuplicateReason.SamePhone, match.Reason);
        Assert.Null(match.Id);
        Assert.False(match.InScope);
        Assert.NotEqual(theirs.Build().Name, match.Name);
    }

    [Fact]
    public async Task Checking_a_customer_against_itself_while_editing_finds_no_duplicate()
    {
        var existing = new CustomerInputBuilder();
        var id = await Arrange.CustomerAsync(factory, "rep.sz1", existing);
        var rep = await factory.SignedInAsync("rep.sz1");

        var matches = await CrmApi.OkAsync<List<DuplicateWarning>>(await CrmApi.PostAsync(rep, $"/api/v1/customers/duplicates?excludeId={id}", existing.ToJson()));

        Assert.DoesNotContain(matches, m => m.Code == existing.Build().Code);
    }

    [Fact]
    public async Task A_new_phone_has_no_SamePhone_match()
    {
        var rep = await factory.SignedInAsync("rep.sz1");

        var matches = await CrmApi.OkAsync<List<DuplicateWarning>>(await CrmApi.PostAsync(rep, "/api/v1/customers/duplicates",
            new CustomerInputBuilder().Named("独一无二的名字" + Guid.NewGuid().ToString("N")[..6]).ToJson()));

        Assert.DoesNotContain(matches, m => m.Reason == DuplicateReason.SamePhone);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDuplicateCheckTests(SqliteCrmWebFactory factory) : DuplicateCheckTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDuplicateCheckTests(PostgresCrmWebFactory factory) : DuplicateCheckTests(factory);
