using System.Globalization;
using CourierCrm.Web.Platform.Paging;
using CourierCrm.Web.Platform.Validation;

namespace CourierCrm.Web.Complaints.Reports;

/// <summary>
/// Reads a report's query string: days as yyyy-MM-dd in China time, from not after to, at most 24 months
/// (the waybill counts walk the index month by month), ids as positive whole numbers. Every problem names
/// its parameter.
/// </summary>
public static class ComplaintReportFilters
{
    public const int MaxMonths = 24;

    public static (ComplaintReportFilter? Filter, ValidationErrors Errors) Parse(ComplaintReportQuery query, DateOnly today)
    {
        var errors = new ValidationErrors();
        var to = Day(query.To, "to", errors) ?? today;
        var from = Day(query.From, "from", errors) ?? new DateOnly(to.Year, to.Month, 1).AddMonths(-11);
        var outletId = Id(query.OutletId, "outletId", errors);
        var regionId = Id(query.RegionId, "regionId", errors);
        var page = Id(query.Page, "page", errors);
        var size = Id(query.PageSize, "pageSize", errors);
        if (errors.IsEmpty && from > to) errors.Add("from", "must be on or before to.");
        if (errors.IsEmpty && from.AddMonths(MaxMonths) <= to) errors.Add("to", $"must be less than {MaxMonths} months after from: choose a shorter period.");
        return errors.IsEmpty
            ? (new ComplaintReportFilter(from, to, outletId, regionId, PageLimits.Number(page), PageLimits.Size(size)), errors)
            : (null, errors);
    }

    private static DateOnly? Day(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add(field, "must be a day as yyyy-MM-dd.");
        return null;
    }

    private static int? Id(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) return id;
        errors.Add(field, "must be a positive whole number.");
        return null;
    }
}
