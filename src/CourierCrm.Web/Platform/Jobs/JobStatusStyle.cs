using MudBlazor;

namespace CourierCrm.Web.Platform.Jobs;

/// <summary>How a job's status looks wherever it is shown.</summary>
public static class JobStatusStyle
{
    public static Color ColorOf(JobStatus status) => status switch
    {
        JobStatus.Succeeded => Color.Success,
        JobStatus.Failed => Color.Error,
        JobStatus.Running => Color.Info,
        JobStatus.Cancelled => Color.Default,
        _ => Color.Warning,
    };

    public static string IconOf(JobKind kind) => kind switch
    {
        JobKind.WaybillImport or JobKind.CustomerImport => Icons.Material.Filled.UploadFile,
        JobKind.Classification => Icons.Material.Filled.StackedBarChart,
        _ => Icons.Material.Filled.Download,
    };
}
