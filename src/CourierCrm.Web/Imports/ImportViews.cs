using CourierCrm.Web.Platform.Jobs;

namespace CourierCrm.Web.Imports;

/// <summary>A field the mapping step offers, with its label in the reader's language.</summary>
public sealed record ImportFieldView(string Key, string Label, bool Required);

/// <summary>A saved mapping as it applies to this file: <see cref="Mapping"/> holds the columns of this file it found.</summary>
public sealed record SavedMappingView(int Id, string Name, bool MatchesFile, Dictionary<string, int> Mapping);

/// <summary>One row of the preview, numbered as in the file.</summary>
public sealed record PreviewRow(int Row, string?[] Cells);

/// <summary>
/// An uploaded file waiting for its column mapping (a draft job): what it is, its columns, its first
/// rows, the mapping proposed from its header or a saved mapping, and the saved mappings to choose from.
/// </summary>
public sealed record ImportDraft(
    Guid JobId,
    JobKind Kind,
    string FileName,
    TabularFormat Format,
    string? Encoding,
    string[] Columns,
    IReadOnlyList<PreviewRow> Preview,
    Dictionary<string, int> ProposedMapping,
    string? ProposedFrom,
    IReadOnlyList<ImportFieldView> Fields,
    IReadOnlyList<SavedMappingView> SavedMappings);

/// <summary>Body of POST /api/v1/imports/{id}/start.</summary>
/// <param name="Mapping">Field → 0-based column index of the file.</param>
/// <param name="SaveAs">Saves the mapping under this name for later files.</param>
public sealed record StartImportRequest(Dictionary<string, int>? Mapping, string? SaveAs);

/// <summary>The outcome of an upload: the draft, or why the file was refused, or that the person may not import this.</summary>
public sealed record ImportUploadResult(ImportDraft? Draft, ImportFileException? FileProblem, string? Forbidden);
