namespace CourierCrm.Web.Platform.Jobs;

/// <summary>What a background job does; each kind has one <see cref="IJobHandler"/>.</summary>
public enum JobKind
{
    WaybillImport,
    CustomerImport,
    WaybillExport,
    CustomerExport,
    /// <summary>An on-demand classification run (Segmentation/Jobs).</summary>
    Classification,
}

/// <summary>
/// Where a job stands. Draft waits for the person (an import's column mapping); Queued waits for a
/// runner; Running is claimed by one process, which keeps its heartbeat fresh; the last three are final.
/// </summary>
public enum JobStatus
{
    Draft,
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
