using System.Text;
using CourierCrm.Web.Data.Bulk;
using CourierCrm.Web.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CourierCrm.Web.Imports;

/// <summary>Composition of imports: limits, the two job handlers, the upload-and-map service and the /api/v1/imports endpoints.</summary>
public static class ImportsModule
{
    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration configuration)
    {
        // GBK files are read as GB18030, which .NET has only through the code-pages provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        services.AddSingleton(configuration.GetSection(ImportOptions.Section).Get<ImportOptions>() ?? new ImportOptions());
        services.TryAddSingleton<WaybillBulkWriter>();
        services.AddSingleton<EnumLabels>();
        services.AddScoped<ImportTranslator>();
        services.AddScoped<ImportService>();
        services.AddScoped<ImportMappingStore>();
        services.AddJobHandler<WaybillImportHandler>();
        services.AddJobHandler<CustomerImportHandler>();
        return services;
    }

    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder api)
    {
        ImportEndpoints.Map(api);
        return api;
    }
}
