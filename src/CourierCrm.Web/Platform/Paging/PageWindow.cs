namespace CourierCrm.Web.Platform.Paging;

/// <summary>
/// Where one page of an ordered list lies and from which end to read it. An OFFSET costs one index
/// step per row it skips, so a page past the middle is read in the reverse order with the small
/// offset from the end and turned round in memory: the last page of 100,000 rows costs what the
/// first does, and no page costs more than the middle one (DESIGN.md "Scale").
/// </summary>
/// <param name="Skip">Rows to skip in the order the list is read in.</param>
/// <param name="Take">Rows the page holds: fewer than the page size on the last page, 0 past the end.</param>
/// <param name="FromEnd">Read in the reverse order (and reverse the rows read).</param>
public readonly record struct PageWindow(int Skip, int Take, bool FromEnd)
{
    /// <param name="total">Rows the filters match.</param>
    /// <param name="page">1-based page number.</param>
    /// <param name="size">Rows per page.</param>
    public static PageWindow Of(int total, int page, int size)
    {
        var skip = (long)(page - 1) * size;
        if (total <= 0 || skip >= total) return new PageWindow(0, 0, false);
        var take = (int)Math.Min(size, total - skip);
        var fromEnd = total - skip - take;
        return fromEnd < skip ? new PageWindow((int)fromEnd, take, true) : new PageWindow((int)skip, take, false);
    }
}
