namespace CourierCrm.Web.Platform.Paging;

/// <summary>One page of a list and the total the filters match.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public enum SortDirection { Asc, Desc }

public static class PageLimits
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    public static int Size(int? requested) => Math.Clamp(requested ?? DefaultPageSize, 1, MaxPageSize);
    public static int Number(int? requested) => Math.Max(1, requested ?? 1);
}
