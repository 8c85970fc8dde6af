using CourierCrm.Domain.Complaints;

namespace CourierCrm.Web.Complaints.Reports;

/// <summary>Where a figure leads: the complaint list filtered as the API's list query reads it, or one complaint.</summary>
public static class ReportLinks
{
    public static string Category(ComplaintCategory category) => $"/complaints?category={category}";

    public static string Complaint(int id) => $"/complaints/{id}";
}
