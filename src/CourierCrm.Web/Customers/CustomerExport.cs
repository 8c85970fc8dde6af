using CourierCrm.Web.Platform.Localization;
using System.Globalization;
using System.Text;
using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Exports;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Audit;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Customers;

/// <summary>A finished export: the file to hand to the person and what went into it.</summary>
/// <param name="Rows">Customers written to the file.</param>
/// <param name="Total">Customers the filters match; more than <paramref name="Rows"/> when the export was cut at the limit.</param>
public sealed record CustomerCsv(string FileName, byte[] Content, int Rows, int Total)
{
    public const string ContentType = "text/csv; charset=utf-8";
    public bool Truncated => Total > Rows;
}

/// <summary>
/// The customer list as a CSV file, for the list page's export button and GET /api/v1/customers/export.
/// It writes exactly the rows and masking the viewer sees in the list, neutralises spreadsheet formulas
/// (DESIGN.md "Data scopes and privacy") and leaves an audit entry naming the filter and the row count.
/// </summary>
public sealed class CustomerExport(CustomerQueries queries, AuditLog audit, TimeProvider clock, IStringLocalizer<CustomerTexts> texts)
{
    /// <summary>The most rows one export writes; a bigger list has to be narrowed by filters first.</summary>
    public const int MaxRows = 10_000;

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public async Task<CommandResult<CustomerCsv>> ExportAsync(Viewer viewer, CustomerListQuery query, CancellationToken ct)
    {
        if (!viewer.CanExport) return CommandResult<CustomerCsv>.Forbidden("Your role cannot export customers.");
        var (items, total) = await queries.ExportRowsAsync(viewer, query, MaxRows, ct);

        var rows = new List<IReadOnlyList<string?>>(items.Count + 1)
        {
            new[] { "Field.Code", "Field.Name", "Field.Type", "Field.MarketType", "Field.Lifecycle", "Field.Phone", "Field.Owner", "Field.Outlet", "Field.CreatedAt", "Field.UpdatedAt" }
                .Select(key => (string?)texts[key].Value).ToList(),
        };
        rows.AddRange(items.Select(c => (IReadOnlyList<string?>)
        [
            c.Code, c.Name, texts["CustomerType." + c.Type], texts["MarketType." + c.MarketType], texts["LifecycleState." + c.Lifecycle],
            c.Phone, c.OwnerName ?? texts["Unassigned"], c.OutletName, CompanyTime.Format(c.CreatedAt), CompanyTime.Format(c.UpdatedAt),
        ]));

        await audit.WriteAsync(viewer, AuditAction.Export, "Customer", null,
            $"CSV export of {items.Count} of {total} customers; filter: {Describe(query)}", ct);
        var fileName = $"customers-{CompanyTime.Local(clock.GetUtcNow()):yyyyMMdd-HHmm}.csv";
        return CommandResult<CustomerCsv>.Ok(new CustomerCsv(fileName, WriteCsv(rows), items.Count, total));
    }

    /// <summary>
    /// RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel on Chinese Windows reads it as UTF-8),
    /// CRLF line ends, every cell made safe by the one formula rule of all exports (<see cref="SpreadsheetCell.Csv"/>).
    /// </summary>
    public static byte[] WriteCsv(IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append(string.Join(',', row.Select(SpreadsheetCell.Csv))).Append("\r\n");
        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(text.ToString())];
    }

    /// <summary>The filter in the list's query-string words (as in its address), for the audit entry.</summary>
    public static string Describe(CustomerListQuery q) =>
        Uri.UnescapeDataString(Pages.CustomerListUrl.QueryString(q, withPage: false).TrimStart('?')) is { Length: > 0 } filter ? filter : "(none)";
}
