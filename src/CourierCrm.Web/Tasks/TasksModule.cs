using CourierCrm.Web.Segmentation;
using CourierCrm.Web.Segmentation.Churn;
using CourierCrm.Web.Segmentation.Service;

namespace CourierCrm.Web.Tasks;

/// <summary>
/// Composition of acting on the classification (issue 4 items 4 and 5): "my tasks", the churn early
/// warning and the service-policy tasks, both raised after each classification run, and their
/// endpoints /api/v1/tasks and /api/v1/churn-warnings. Bad settings stop the start naming the setting.
/// </summary>
public static class TasksModule
{
    public static IServiceCollection AddTasks(this IServiceCollection services, IConfiguration configuration)
    {
        var churn = configuration.GetSection(ChurnOptions.Section).Get<ChurnOptions>() ?? new ChurnOptions();
        var service = configuration.GetSection(ServicePolicyOptions.Section).Get<ServicePolicyOptions>() ?? new ServicePolicyOptions();
        var bad = churn.InvalidSettings().Concat(service.InvalidSettings()).ToList();
        if (bad.Count > 0)
            throw new InvalidOperationException($"Settings not valid: {string.Join(", ", bad)}. See docs/user-guide.md (churn warnings and service policy) for the allowed values.");
        services.AddSingleton(churn);
        services.AddSingleton(service);
        services.AddScoped<TaskQueries>();
        services.AddScoped<TaskCommands>();
        services.AddScoped<ChurnQueries>();
        services.AddScoped<ChurnCommands>();
        services.AddSingleton<ChurnWarningRaiser>();
        services.AddSingleton<ServiceTaskGenerator>();
        // Warnings first: a customer's churn follow-up is on the list before its routine visit.
        services.AddSingleton<IClassificationFollowUp>(sp => sp.GetRequiredService<ChurnWarningRaiser>());
        services.AddSingleton<IClassificationFollowUp>(sp => sp.GetRequiredService<ServiceTaskGenerator>());
        return services;
    }

    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder api)
    {
        api.MapTasks();
        api.MapChurnWarnings();
        return api;
    }
}
