using System.Globalization;
using System.Resources;

namespace CourierCrm.E2E.Infrastructure;

/// <summary>
/// The product's own texts (its resx files), so the tests check that the page shows the
/// right language without copying the wording into the tests.
/// </summary>
public static class Texts
{
    public static string Of<TTexts>(string key, string culture)
    {
        var value = new ResourceManager(typeof(TTexts)).GetString(key, CultureInfo.GetCultureInfo(culture));
        return value ?? throw new InvalidOperationException($"{typeof(TTexts).Name} has no text '{key}' for {culture}.");
    }

    /// <summary>A text with placeholders ({0}…) filled in, as IStringLocalizer does.</summary>
    public static string Of<TTexts>(string key, string culture, params object[] arguments) =>
        string.Format(CultureInfo.GetCultureInfo(culture), Of<TTexts>(key, culture), arguments);
}
