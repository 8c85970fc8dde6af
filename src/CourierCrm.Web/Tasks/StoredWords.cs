using System.Globalization;

namespace CourierCrm.Web.Tasks;

/// <summary>
/// Generated tasks store their title and detail in both languages as "中文 / English" (stored text is
/// read in either language, as timeline entries are). Lists show the half of the reader's language;
/// text a person typed is shown as typed.
/// </summary>
public static class StoredWords
{
    private const string Separator = " / ";

    public static bool IsGenerated(string createdBy) =>
        createdBy is Segmentation.Service.ServiceTaskGenerator.CreatedBy or Segmentation.Churn.ChurnWarningRaiser.CreatedBy
            or Complaints.Callbacks.ComplaintCallbacks.TaskCreatedBy;

    public static string? In(string? text, CultureInfo culture)
    {
        if (text is null) return null;
        var at = text.IndexOf(Separator, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(Separator, at + 1, StringComparison.Ordinal) >= 0) return text;
        return culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? text[..at] : text[(at + Separator.Length)..];
    }
}
