namespace CourierCrm.Web.Platform.Jobs;

/// <summary>Marker for the background-job texts (JobTexts.resx, JobTexts.zh-CN.resx).</summary>
public sealed class JobTexts;
