namespace CourierCrm.Web.Segmentation;

/// <summary>
/// Work that follows a stored classification run: raising churn warnings, generating service-policy
/// tasks. The runner calls every registered follow-up after the run has committed, in registration
/// order; a follow-up that fails is logged and does not undo the run or stop the others.
/// Register with <c>services.AddSingleton&lt;IClassificationFollowUp, T&gt;()</c>.
/// </summary>
public interface IClassificationFollowUp
{
    /// <summary>Short name for logs and the benchmark ("churn-warnings", "service-tasks").</summary>
    string Name { get; }

    Task AfterRunAsync(ClassificationRunSummary run, CancellationToken ct);
}
