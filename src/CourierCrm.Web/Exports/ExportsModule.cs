using CourierCrm.Web.Platform.Jobs;

namespace CourierCrm.Web.Exports;

/// <summary>Composition of exports: the row readers, the two job handlers, the starter used by pages and the API.</summary>
public static class ExportsModule
{
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddScoped<CustomerExportRows>();
        services.AddScoped<WaybillExportRows>();
        services.AddScoped<ExportFile>();
        services.AddScoped<ExportJobs>();
        services.AddJobHandler<CustomerExportHandler>();
        services.AddJobHandler<WaybillExportHandler>();
        return services;
    }
}
