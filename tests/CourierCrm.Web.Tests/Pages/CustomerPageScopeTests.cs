using System.Net;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Tests.Infrastructure;

namespace CourierCrm.Web.Tests.Pages;

/// <summary>The customer 360 and edit pages keep to the data scope and show names as text, in their prerendered HTML.</summary>
public abstract class CustomerPageScopeTests(CrmWebFactory factory)
{
    [Theory]
    [InlineData("/customers/{id}")]
    [InlineData("/customers/{id}/edit")]
    public async Task Owner_sees_their_customer_on_its_page(string page)
    {
        var builder = new CustomerInputBuilder();
        var id = await Arrange.CustomerAsync(factory, "rep.sz2", builder);
        var owner = await factory.SignedInAsync("rep.sz2");

        var (response, html) = await PageHtml.GetAsync(owner, page.Replace("{id}", id.ToString()));

        PageHtml.AssertOk(response, html);
        var text = PageHtml.Text(html);
        Assert.Contains(builder.Build().Code!, text);
        Assert.Contains(builder.Build().Name, text);
    }

    [Theory]
    [InlineData("/customers/{id}")]
    [InlineData("/customers/{id}/edit")]
    public async Task Rep_sees_not_found_and_nothing_of_another_reps_customer_on_its_page(string page)
    {
        var builder = new CustomerInputBuilder();
        var id = await Arrange.CustomerAsync(factory, "rep.sz2", builder);
        var rep = await factory.SignedInAsync("rep.sz1");

        var (response, html) = await PageHtml.GetAsync(rep, page.Replace("{id}", id.ToString()));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"answered {(int)response.StatusCode}");
        var text = PageHtml.Text(html);
        Assert.DoesNotContain(builder.Unique, text); // neither the code nor the name (both carry the unique number)
        Assert.DoesNotContain(builder.Build().Phone!, text);
        var notFound = PageHtml.Text<CustomerTexts>(factory, "NotFound.Title", "en");
        Assert.True(text.Contains(notFound, StringComparison.Ordinal),
            $"The page does not say '{notFound}':\n" + text[..Math.Min(text.Length, 3000)]);
    }

    [Fact]
    public async Task Script_in_a_customer_name_is_shown_as_text_on_the_360_page()
    {
        var builder = new CustomerInputBuilder();
        builder.Named($"<script>alert(1)</script>客户{builder.Unique}");
        var id = await Arrange.CustomerAsync(factory, "rep.sz1", builder);
        var rep = await factory.SignedInAsync("rep.sz1");

        var (response, html) = await PageHtml.GetAsync(rep, $"/customers/{id}");

        PageHtml.AssertOk(response, html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.OrdinalIgnoreCase);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCustomerPageScopeTests(SqliteCrmWebFactory factory) : CustomerPageScopeTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCustomerPageScopeTests(PostgresCrmWebFactory factory) : CustomerPageScopeTests(factory);
