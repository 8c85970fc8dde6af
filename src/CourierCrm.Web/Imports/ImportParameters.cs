namespace CourierCrm.Web.Imports;

/// <summary>What an import job knows from its upload and its mapping step (the job's ParametersJson).</summary>
/// <param name="StoredFileName">The upload's name inside the job folder.</param>
/// <param name="Header">The file's column names, as the mapping and the error report name them.</param>
/// <param name="Mapping">Field → 0-based column index; null while the job is a draft.</param>
/// <param name="Culture">The language of the person who started it: the error report is in it.</param>
public sealed record ImportParameters(
    string OriginalFileName,
    string StoredFileName,
    TabularFormat Format,
    string? Encoding,
    string[] Header,
    Dictionary<string, int>? Mapping,
    string Culture)
{
    public TabularInfo Info => new(Format, Encoding);
}

/// <summary>
/// How far an import got, saved in the same transaction as the rows it covers: every file row up to
/// <see cref="Row"/> is in the database or in the error report, whose length was then <see cref="ReportLength"/>.
/// </summary>
public sealed record ImportCheckpoint(int Row, long Done, long Errors, long Created, long Updated, long ReportLength, bool Finished);
