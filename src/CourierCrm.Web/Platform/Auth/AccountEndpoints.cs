using CourierCrm.Domain.Audit;
using CourierCrm.Web.Platform.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Platform.Auth;

/// <summary>Sign in and out. Plain form posts so the cookie is set on a normal HTTP response.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription();
        group.MapPost("/login", LoginAsync).AllowAnonymous();
        group.MapPost("/logout", LogoutAsync);
        return app;
    }

    private static async Task<IResult> LoginAsync(
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInManager<CrmUser> signIn, AuditLog audit, CancellationToken ct)
    {
        var back = SafeReturnUrl(returnUrl);
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
            return Results.LocalRedirect(LoginPage("missing", userName, back));

        var user = await signIn.UserManager.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == userName.Trim().ToUpperInvariant(), ct);
        if (user is null || !user.IsActive)
        {
            await audit.WriteAsync(null, userName.Trim(), AuditAction.LoginFailed, "User", user?.Id, user is null ? "用户不存在 / unknown user" : "账号已停用 / account deactivated", ct);
            return Results.LocalRedirect(LoginPage("invalid", userName, back));
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(user.Id, user.DisplayName, AuditAction.LoginSucceeded, "User", user.Id, null, ct);
            return Results.LocalRedirect(back);
        }
        var reason = result.IsLockedOut ? "locked" : "invalid";
        // Summaries are bilingual like the timeline titles: the audit page shows them as written.
        var summary = result.IsLockedOut ? "账号已锁定 / account locked" : "密码错误 / wrong password";
        await audit.WriteAsync(user.Id, user.DisplayName, AuditAction.LoginFailed, "User", user.Id, summary, ct);
        return Results.LocalRedirect(LoginPage(reason, userName, back));
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, SignInManager<CrmUser> signIn, AuditLog audit, CancellationToken ct)
    {
        var viewer = CrmClaims.ToViewer(http.User);
        await signIn.SignOutAsync();
        if (viewer is not null)
            await audit.WriteAsync(viewer, AuditAction.Logout, "User", viewer.UserId, null, ct);
        return Results.LocalRedirect("/account/login");
    }

    private static string LoginPage(string error, string? userName, string returnUrl) =>
        $"/account/login?error={error}&userName={Uri.EscapeDataString(userName?.Trim() ?? "")}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>Only local paths: an attacker's link must not bounce a signed-in user elsewhere.</summary>
    private static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
