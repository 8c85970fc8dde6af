using CourierCrm.Domain.Organisation;
using MudBlazor;

namespace CourierCrm.Web.Organisation.Pages;

/// <summary>How roles look in tables and chips, the same on every administration page.</summary>
public static class StaffLook
{
    public static Color RoleColor(StaffRole role) => role switch
    {
        StaffRole.Administrator => Color.Error,
        StaffRole.Manager => Color.Warning,
        StaffRole.SalesRep or StaffRole.KeyAccountManager => Color.Primary,
        StaffRole.CustomerServiceAgent or StaffRole.ComplaintHandler or StaffRole.Reception => Color.Info,
        _ => Color.Default,
    };

    /// <summary>The password rules of issue 2 §3 (AuthSetup), checked as the administrator types.</summary>
    public static IReadOnlyList<(string Key, bool Met)> PasswordRules(string? password)
    {
        var p = password ?? "";
        return
        [
            ("Password.Rule.Length", p.Length >= 8),
            ("Password.Rule.Upper", p.Any(char.IsAsciiLetterUpper)),
            ("Password.Rule.Lower", p.Any(char.IsAsciiLetterLower)),
            ("Password.Rule.Digit", p.Any(char.IsAsciiDigit)),
        ];
    }
}
