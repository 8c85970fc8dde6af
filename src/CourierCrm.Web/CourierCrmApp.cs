using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Demo;
using CourierCrm.Web.Organisation;
using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Layout;
using CourierCrm.Web.Platform.Localization;
using Microsoft.AspNetCore.DataProtection;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace CourierCrm.Web;

/// <summary>Composition of the whole product: which services exist and how requests flow.</summary>
public static class CourierCrmApp
{
    public static IServiceCollection AddCourierCrm(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddCrmDatabase(configuration, environment);
        services.AddCrmAuthentication();
        services.AddCrmLocalization();
        services.AddCrmApiErrors();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "CourierCrm API";
            doc.Info.Description = "Customers, outlets and (later) waybills of a courier company. Authenticate with `Authorization: Bearer <token>` issued by an administrator.";
            return Task.CompletedTask;
        }));
        services.AddDataProtection().SetApplicationName("CourierCrm").PersistKeysToDbContext<CrmDbContext>();
        services.AddAntiforgery();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddHealthChecks();

        services.AddSingleton<AuditLog>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoCompanySeeder>();
        services.AddCustomers();
        services.AddOrganisation();
        return services;
    }

    public static WebApplication UseCourierCrm(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("CourierCrm API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapCultureEndpoints();

        var api = app.MapGroup("/api/v1").RequireAuthorization(AuthPolicies.Staff);
        api.MapCustomerEndpoints();
        api.MapOrganisationEndpoints();

        app.MapStaticAssets();
        app.MapRazorComponents<AppShell>().AddInteractiveServerRenderMode();
        return app;
    }
}
