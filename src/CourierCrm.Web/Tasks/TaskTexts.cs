namespace CourierCrm.Web.Tasks;

/// <summary>Marker for the texts of "my tasks" (TaskTexts.resx, TaskTexts.zh-CN.resx).</summary>
public sealed class TaskTexts;
