using System.Net;
using CourierCrm.Web.Tests.Infrastructure;

namespace CourierCrm.Web.Tests.Pages;

/// <summary>Pages without a sign-in, and the language the login page speaks.</summary>
public abstract class SignInPageTests(CrmWebFactory factory)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/customers")]
    public async Task Anonymous_visitor_of_a_page_is_sent_to_the_login_page(string path)
    {
        var (response, html) = await PageHtml.GetAsync(factory.Anonymous(), path);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/login", location.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("returnUrl=" + Uri.EscapeDataString(path), location, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_page_speaks_English_to_an_English_browser()
    {
        var (response, html) = await PageHtml.GetAsync(factory.Anonymous(), "/account/login", "en-US,en;q=0.9");

        PageHtml.AssertOk(response, html);
        Assert.Contains("Sign in", PageHtml.Text(html));
        Assert.DoesNotContain("登录", PageHtml.Text(html));
        Assert.Contains("<html lang=\"en\"", html);
    }

    [Fact]
    public async Task Login_page_speaks_Chinese_to_a_Chinese_browser()
    {
        var (response, html) = await PageHtml.GetAsync(factory.Anonymous(), "/account/login", "zh-CN,zh;q=0.9");

        PageHtml.AssertOk(response, html);
        Assert.Contains("登录", PageHtml.Text(html));
        Assert.DoesNotContain("Sign in", PageHtml.Text(html));
    }

    [Fact]
    public async Task Language_chosen_with_the_switcher_wins_over_the_browsers_language()
    {
        var browser = factory.NewBrowser();

        var set = await browser.GetAsync("/culture/set?culture=en&redirectUri=%2Faccount%2Flogin");
        var (response, html) = await PageHtml.GetAsync(browser, "/account/login", "zh-CN,zh;q=0.9");

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/account/login", set.Headers.Location?.OriginalString);
        PageHtml.AssertOk(response, html);
        Assert.Contains("Sign in", PageHtml.Text(html));
        Assert.DoesNotContain("登录", PageHtml.Text(html));
    }

    [Fact]
    public async Task Switching_to_an_unsupported_language_is_refused_with_a_problem()
    {
        var response = await factory.Anonymous().GetAsync("/culture/set?culture=fr&redirectUri=%2F");

        var problem = await CrmApi.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("culture", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Switcher_does_not_redirect_to_another_site()
    {
        var response = await factory.Anonymous().GetAsync("/culture/set?culture=en&redirectUri=%2F%2Fevil.example%2F");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Wrong_password_sends_the_visitor_back_to_the_login_page_with_an_error()
    {
        var response = await SignIn.PostLoginAsync(factory.NewBrowser(), "front.sz", "Wrong#2026x");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?error=invalid", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("ccrm.auth=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Login_form_post_without_the_antiforgery_token_is_refused()
    {
        var browser = factory.NewBrowser();
        await browser.GetAsync("/account/login");

        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "admin", ["password"] = "Admin#2026", ["returnUrl"] = "/",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Login_does_not_return_to_another_site()
    {
        var response = await SignIn.PostLoginAsync(factory.NewBrowser(), "analyst", DemoCompany.PasswordOf("analyst"), "//evil.example/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSignInPageTests(SqliteCrmWebFactory factory) : SignInPageTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSignInPageTests(PostgresCrmWebFactory factory) : SignInPageTests(factory);
