using System.Globalization;
using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;
using CourierCrm.Web.Platform.Paging;
using Microsoft.AspNetCore.WebUtilities;

namespace CourierCrm.Web.Customers.Pages;

/// <summary>
/// The customer list's filters, order and page in its address ("/customers?lifecycle=Loyal&amp;page=3"),
/// with the same parameter names as GET /api/v1/customers, so a link or the back button restores a
/// list and the export link asks the API for the same rows. Reading is forgiving: a value that does
/// not parse is ignored, never an error page.
/// </summary>
public static class CustomerListUrl
{
    public const string Path = "/customers";
    public static readonly int[] PageSizes = [25, 50, 100];

    public static CustomerListQuery Parse(string uri)
    {
        var queryStart = uri.IndexOf('?', StringComparison.Ordinal);
        var values = queryStart < 0 ? new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>() : QueryHelpers.ParseQuery(uri[queryStart..]);
        string? Get(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        int? Int(string name) => int.TryParse(Get(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
        int? Score(string name) => Int(name) is int n && n <= 5 ? n : null;

        var sort = Get("sort");
        var size = Int("pageSize");
        return new CustomerListQuery
        {
            Search = Get("search"),
            Type = Enum<CustomerType>(Get("type")),
            Nature = Enum<CustomerNature>(Get("nature")),
            MarketType = Enum<MarketType>(Get("marketType")),
            SpecialisedMarket = Enum<SpecialisedMarket>(Get("specialisedMarket")),
            BusinessRelation = Enum<BusinessRelation>(Get("businessRelation")),
            Lifecycle = Enum<LifecycleState>(Get("lifecycle")),
            OutletId = Int("outletId"),
            OwnerId = Int("ownerId"),
            Unassigned = string.Equals(Get("unassigned"), "true", StringComparison.OrdinalIgnoreCase) ? true : null,
            Tag = Get("tag"),
            Abc = Enum<AbcClass>(Get("abc")),
            Pyramid = Enum<ValuePyramidTier>(Get("pyramid")),
            KeyAccount = Enum<KeyAccountTier>(Get("keyAccount")),
            RfmR = Score("rfmR"),
            RfmF = Score("rfmF"),
            RfmM = Score("rfmM"),
            Quadrant = Enum<LoyaltyValueQuadrant>(Get("quadrant")),
            Unclassified = string.Equals(Get("unclassified"), "true", StringComparison.OrdinalIgnoreCase) ? true : null,
            Segment = Int("segment"),
            Sort = sort is not null && CustomerQueries.SortFields.Contains(sort) ? sort : null,
            Direction = Enum<SortDirection>(Get("direction")),
            Page = Int("page"),
            PageSize = size is int s && PageSizes.Contains(s) ? s : null,
        };
    }

    /// <summary>The query string for a list state, leaving out defaults so addresses stay short.</summary>
    public static string QueryString(CustomerListQuery q, bool withPage = true)
    {
        var parts = new List<KeyValuePair<string, string?>>();
        void Add(string name, object? value)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            if (!string.IsNullOrWhiteSpace(text)) parts.Add(new(name, text.Trim()));
        }
        Add("search", q.Search);
        Add("type", q.Type);
        Add("nature", q.Nature);
        Add("marketType", q.MarketType);
        Add("specialisedMarket", q.SpecialisedMarket);
        Add("businessRelation", q.BusinessRelation);
        Add("lifecycle", q.Lifecycle);
        Add("outletId", q.OutletId);
        Add("ownerId", q.OwnerId);
        Add("unassigned", q.Unassigned == true ? "true" : null);
        Add("tag", q.Tag);
        Add("abc", q.Abc);
        Add("pyramid", q.Pyramid);
        Add("keyAccount", q.KeyAccount);
        Add("rfmR", q.RfmR);
        Add("rfmF", q.RfmF);
        Add("rfmM", q.RfmM);
        Add("quadrant", q.Quadrant);
        Add("unclassified", q.Unclassified == true ? "true" : null);
        Add("segment", q.Segment);
        Add("sort", q.Sort is null or "name" && q.Direction != SortDirection.Desc ? null : q.Sort ?? "name");
        // Each order's own default direction is left out (the predicted value ranks highest first).
        Add("direction", CustomerQueries.Descending(q) == (q.Sort == CustomerQueries.PredictedValueSort) ? null : q.Direction);
        if (withPage)
        {
            Add("page", q.Page is > 1 ? q.Page : null);
            Add("pageSize", q.PageSize is int size && size != PageLimits.DefaultPageSize ? size : null);
        }
        return QueryHelpers.AddQueryString("", parts);
    }

    public static string For(CustomerListQuery q) => Path + QueryString(q);

    /// <summary>Whether any filter (not order or page) is set: the clear-filters button is shown then.</summary>
    public static bool HasFilters(CustomerListQuery q) =>
        !string.IsNullOrWhiteSpace(q.Search) || q.Type is not null || q.Nature is not null || q.MarketType is not null
        || q.SpecialisedMarket is not null || q.BusinessRelation is not null || q.Lifecycle is not null
        || q.OutletId is not null || q.OwnerId is not null || q.Unassigned == true || !string.IsNullOrWhiteSpace(q.Tag)
        || HasClassFilters(q) || q.Segment is not null;

    /// <summary>Whether any class filter (latest classification run) is set.</summary>
    public static bool HasClassFilters(CustomerListQuery q) =>
        q.Abc is not null || q.Pyramid is not null || q.KeyAccount is not null || q.RfmR is not null || q.RfmF is not null
        || q.RfmM is not null || q.Quadrant is not null || q.Unclassified == true;

    public static CustomerListQuery Copy(CustomerListQuery q) => new()
    {
        Search = q.Search, Type = q.Type, Nature = q.Nature, MarketType = q.MarketType, SpecialisedMarket = q.SpecialisedMarket,
        BusinessRelation = q.BusinessRelation, Lifecycle = q.Lifecycle, OutletId = q.OutletId, OwnerId = q.OwnerId,
        Unassigned = q.Unassigned, Tag = q.Tag, Abc = q.Abc, Pyramid = q.Pyramid, KeyAccount = q.KeyAccount,
        RfmR = q.RfmR, RfmF = q.RfmF, RfmM = q.RfmM, Quadrant = q.Quadrant, Unclassified = q.Unclassified, Segment = q.Segment, Sort = q.Sort, Direction = q.Direction, Page = q.Page, PageSize = q.PageSize,
    };

    private static TEnum? Enum<TEnum>(string? value) where TEnum : struct, Enum =>
        value is not null && !char.IsDigit(value[0]) && System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)
            ? parsed : null;
}
