using System.ComponentModel;
using CourierCrm.Domain.Complaints;
using CourierCrm.Web.Platform.Paging;

namespace CourierCrm.Web.Complaints.Reports;

/// <summary>Query string of GET /api/v1/complaints/reports. Strings, so a bad value answers 400 naming the parameter.</summary>
public sealed class ComplaintReportQuery
{
    [Description("First day (yyyy-MM-dd, China time); default the first day of the month eleven months ago.")]
    public string? From { get; set; }
    [Description("Last day, included (yyyy-MM-dd); default today. At most 24 months after from.")]
    public string? To { get; set; }
    [Description("Only complaints (and waybills, incidents) of this outlet.")]
    public string? OutletId { get; set; }
    [Description("Only those of this region.")]
    public string? RegionId { get; set; }
    [Description("Page of the lessons list.")]
    public string? Page { get; set; }
    [Description("Lessons per page (at most 200).")]
    public string? PageSize { get; set; }
}

/// <summary>The period and filters of a report as read from its query string.</summary>
public sealed record ComplaintReportFilter(DateOnly From, DateOnly To, int? OutletId, int? RegionId, int Page, int PageSize)
{
    public DateTimeOffset Start => DayStart(From);
    public DateTimeOffset End => DayStart(To.AddDays(1));

    /// <summary>The months the period touches, first to last.</summary>
    public IReadOnlyList<DateOnly> Months()
    {
        var months = new List<DateOnly>();
        for (var m = new DateOnly(From.Year, From.Month, 1); m <= To; m = m.AddMonths(1)) months.Add(m);
        return months;
    }

    /// <summary>Midnight of a day in China: the company's days, whatever zone the server runs in.</summary>
    public static DateTimeOffset DayStart(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
}

/// <summary>Every figure of the complaint reports (issue 5 item 9) for one period and scope.</summary>
public sealed record ComplaintReport(
    DateOnly From, DateOnly To, int? OutletId, int? RegionId,
    [property: Description("Complaints recorded in the period, in the caller's reach.")] int Complaints,
    [property: Description("Waybills ordered in the period in the caller's data scope (customers' outlet; unmatched senders at their pick-up outlet).")] long Waybills,
    [property: Description("Complaints per 10,000 waybills; null without waybills.")] decimal? PerTenThousand,
    IReadOnlyList<CategoryFigure> ByCategory,
    IReadOnlyList<OutletFigure> ByOutlet,
    IReadOnlyList<HandlerFigure> ByHandler,
    IReadOnlyList<MonthFigure> ByMonth,
    HandlingTimeFigure HandlingTime,
    ServiceLevelFigure ServiceLevels,
    IReadOnlyList<CauseFigure> Causes,
    IReadOnlyList<CompensationMonth> Compensation,
    PagedResult<LessonRow> Lessons);

public sealed record CategoryFigure(ComplaintCategory Category, ComplaintGroup Group, int Complaints, decimal Share);

public sealed record OutletFigure(int OutletId, string OutletName, int Complaints, long Waybills, decimal? PerTenThousand);

/// <param name="HandlerId">null: not assigned to a handler yet (still being judged, or declined before).</param>
public sealed record HandlerFigure(int? HandlerId, string? HandlerName, int Complaints, int Closed, double? MedianHours);

/// <param name="Month">The first day of the month.</param>
public sealed record MonthFigure(DateOnly Month, int Complaints, int Closed, long Waybills, decimal? PerTenThousand);

/// <summary>Recording to closing of the complaints closed in the period, in the desk's business hours, waiting for the customer left out.</summary>
public sealed record HandlingTimeFigure(
    int Closed,
    double? MedianHours,
    double? P90Hours,
    double? MeanHours,
    [property: Description("BusinessHours: working time of the Complaints calendar, pauses excluded.")] string Basis);

/// <summary>Stopped service-level clocks of the period's complaints: met against missed; compliance is the share met (0–1).</summary>
public sealed record ServiceLevelFigure(int FirstResponseMet, int FirstResponseMissed, decimal? FirstResponseCompliance,
    int ResolutionMet, int ResolutionMissed, decimal? ResolutionCompliance);

/// <summary>A Pareto bar: analysed complaints of one category and responsibility, biggest first, with the running share.</summary>
public sealed record CauseFigure(ComplaintCategory Category, ResponsibleParty Responsibility, int Complaints, decimal Share, decimal CumulativeShare);

/// <summary>Money of one month (yuan): claims paid and recovered from third parties, complaint remedies carried out.</summary>
public sealed record CompensationMonth(DateOnly Month, decimal Paid, decimal Recovered, decimal Remedies);

/// <summary>One lesson from step eight: the complaint, what was learnt and done about it.</summary>
public sealed record LessonRow(int ComplaintId, string Number, ComplaintCategory Category, string Lesson, string? CorrectiveAction, DateTimeOffset ClosedAt);
