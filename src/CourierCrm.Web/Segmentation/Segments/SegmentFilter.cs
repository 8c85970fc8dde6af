using System.Text.Json;
using System.Text.Json.Serialization;
using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Segmentation.Segments;

/// <summary>
/// What a saved segment keeps (SavedSegments.FilterJson): the customer list's filters, without paging,
/// order or another segment. Field names and enum names are the list's query-string words, so a
/// segment reads as its /customers address does.
/// </summary>
public sealed record SegmentFilter
{
    public string? Search { get; init; }
    public CustomerType? Type { get; init; }
    public CustomerNature? Nature { get; init; }
    public MarketType? MarketType { get; init; }
    public SpecialisedMarket? SpecialisedMarket { get; init; }
    public BusinessRelation? BusinessRelation { get; init; }
    public LifecycleState? Lifecycle { get; init; }
    public int? OutletId { get; init; }
    public int? OwnerId { get; init; }
    public bool? Unassigned { get; init; }
    public string? Tag { get; init; }
    public AbcClass? Abc { get; init; }
    public ValuePyramidTier? Pyramid { get; init; }
    public KeyAccountTier? KeyAccount { get; init; }
    public int? RfmR { get; init; }
    public int? RfmF { get; init; }
    public int? RfmM { get; init; }
    public LoyaltyValueQuadrant? Quadrant { get; init; }
    public bool? Unclassified { get; init; }

    public static SegmentFilter From(CustomerListQuery q) => new()
    {
        Search = string.IsNullOrWhiteSpace(q.Search) ? null : q.Search.Trim(), Type = q.Type, Nature = q.Nature,
        MarketType = q.MarketType, SpecialisedMarket = q.SpecialisedMarket, BusinessRelation = q.BusinessRelation,
        Lifecycle = q.Lifecycle, OutletId = q.OutletId, OwnerId = q.OwnerId, Unassigned = q.Unassigned == true ? true : null,
        Tag = string.IsNullOrWhiteSpace(q.Tag) ? null : q.Tag.Trim(), Abc = q.Abc, Pyramid = q.Pyramid, KeyAccount = q.KeyAccount,
        RfmR = q.RfmR, RfmF = q.RfmF, RfmM = q.RfmM, Quadrant = q.Quadrant, Unclassified = q.Unclassified == true ? true : null,
    };

    public CustomerListQuery ToQuery() => new()
    {
        Search = Search, Type = Type, Nature = Nature, MarketType = MarketType, SpecialisedMarket = SpecialisedMarket,
        BusinessRelation = BusinessRelation, Lifecycle = Lifecycle, OutletId = OutletId, OwnerId = OwnerId, Unassigned = Unassigned,
        Tag = Tag, Abc = Abc, Pyramid = Pyramid, KeyAccount = KeyAccount, RfmR = RfmR, RfmF = RfmF, RfmM = RfmM,
        Quadrant = Quadrant, Unclassified = Unclassified,
    };

    /// <summary>
    /// The filter a list shows when a segment is open and more filters are set in the address: the
    /// segment's filter with each filter the address sets taking its place (what "Save as segment"
    /// keeps then).
    /// </summary>
    public SegmentFilter With(CustomerListQuery q)
    {
        var extra = From(q);
        return new()
        {
            Search = extra.Search ?? Search, Type = extra.Type ?? Type, Nature = extra.Nature ?? Nature,
            MarketType = extra.MarketType ?? MarketType, SpecialisedMarket = extra.SpecialisedMarket ?? SpecialisedMarket,
            BusinessRelation = extra.BusinessRelation ?? BusinessRelation, Lifecycle = extra.Lifecycle ?? Lifecycle,
            OutletId = extra.OutletId ?? OutletId, OwnerId = extra.OwnerId ?? OwnerId, Unassigned = extra.Unassigned ?? Unassigned,
            Tag = extra.Tag ?? Tag, Abc = extra.Abc ?? Abc, Pyramid = extra.Pyramid ?? Pyramid, KeyAccount = extra.KeyAccount ?? KeyAccount,
            RfmR = extra.RfmR ?? RfmR, RfmF = extra.RfmF ?? RfmF, RfmM = extra.RfmM ?? RfmM, Quadrant = extra.Quadrant ?? Quadrant,
            Unclassified = extra.Unclassified ?? Unclassified,
        };
    }

    public bool IsEmpty => this == new SegmentFilter();
}

/// <summary>Reading and writing <see cref="SegmentFilter"/> JSON, and finding a segment a viewer may use.</summary>
public static class SegmentFilters
{
    /// <summary>
    /// Strict on read: enum names only, no unknown fields. A filter saved by an older version with a
    /// field or class name that no longer exists then fails to read with a message naming it, instead
    /// of silently matching more customers than the segment meant.
    /// </summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
    };

    public static string Write(SegmentFilter filter) => JsonSerializer.Serialize(filter, Json);

    /// <summary>The filter, or why it cannot be read any more.</summary>
    public static (SegmentFilter? Filter, string? Problem) Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<SegmentFilter>(json, Json) is { } filter
                ? (filter, null) : (null, "The saved filter is empty.");
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? null : e.Path.TrimStart('$', '.');
            return (null, field is null
                ? "The saved filter can no longer be read by this version of CourierCrm; edit the segment and save its filter again."
                : $"The saved filter's '{field}' can no longer be read by this version of CourierCrm (a class or field that no longer exists); edit the segment and save its filter again.");
        }
    }

    /// <summary>The segments a viewer may use: their own and every shared one.</summary>
    public static IQueryable<SavedSegment> VisibleTo(this IQueryable<SavedSegment> segments, Viewer viewer)
    {
        var me = viewer.UserId ?? -1;
        return segments.Where(s => s.OwnerId == me || s.Shared);
    }

    /// <summary>A segment the viewer may use, as a list filter; Segment null when there is none such.</summary>
    public static async Task<(SavedSegment? Segment, CustomerListQuery? Filter, string? Problem)> ReadAsync(CrmDbContext db, Viewer viewer, int id, CancellationToken ct)
    {
        var segment = await db.SavedSegments.AsNoTracking().VisibleTo(viewer).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (segment is null) return (null, null, "No saved segment with this id that you may use.");
        var (filter, problem) = Read(segment.FilterJson);
        return (segment, filter?.ToQuery(), problem);
    }
}
