using CourierCrm.Web.Complaints;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Demo;
using CourierCrm.Web.Exports;
using CourierCrm.Web.Imports;
using CourierCrm.Web.Organisation;
using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Jobs;
using CourierCrm.Web.Platform.Layout;
using CourierCrm.Web.Platform.Localization;
using CourierCrm.Web.Search;
using CourierCrm.Web.Segmentation;
using CourierCrm.Web.Segmentation.Dashboards;
using CourierCrm.Web.Shipments;
using CourierCrm.Web.Tasks;
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
            doc.Info.Description = "Customers, outlets and (later) waybills of a courier company. Authenticate with `Authorization: Bearer <token>` issued by an administrator (系统管理 › 接口令牌). Every error is a ProblemDetails document; field errors are keyed by the field's JSON path.";
            doc.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["Bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http, Scheme = "bearer",
                Description = "An API token issued by an administrator.",
            };
            return Task.CompletedTask;
        }));
        services.AddDataProtection().SetApplicationName("CourierCrm").PersistKeysToDbContext<CrmDbContext>();
        services.AddAntiforgery();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o =>
        {
            // Bottom right: messages must not cover the page header's action buttons.
            o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.PreventDuplicates = true;
        });
        services.AddHealthChecks();

        services.AddSingleton<AuditLog>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoCompanySeeder>();
        services.AddCustomers();
        services.AddOrganisation();
        services.AddShipments();
        services.AddComplaints(configuration);
        CourierCrm.Web.Notifications.NotificationsModule.AddNotifications(services, configuration);
        CourierCrm.Web.Complaints.Reports.ComplaintReportsModule.AddComplaintReports(services);
        CourierCrm.Web.Incidents.IncidentsModule.AddIncidents(services, configuration);
        CourierCrm.Web.Claims.ClaimsModule.AddClaims(services, configuration);
        services.AddComplaintAttachments(configuration);
        services.AddSearch();
        services.AddExports();
        services.AddImports(configuration);
        services.AddJobs(configuration);
        services.AddSegmentation(configuration);
        CourierCrm.Web.Segmentation.Segments.SegmentEndpoints.AddSegmentsAndLifetimeValue(services);
        services.AddTasks(configuration);
        services.AddClassificationDashboards();
        return services;
    }

    public static WebApplication UseCourierCrm(this WebApplication app)
    {
        app.UseExceptionHandler();
        // The API answers errors as ProblemDetails; a person gets the not-found page (e.g. /customers/abc).
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"),
            pages => pages.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true));
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        // Offline-friendly reference: no web fonts, telemetry, AI agent or hosted extras (installations often have no internet).
        app.MapScalarApiReference("/api/docs", o => o
                .WithTitle("CourierCrm API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp().HideDeveloperTools().HideClientButton()
                .WithDotNetFlag(false).ForceLightMode()
                .AddHttpAuthentication("Bearer", _ => { }))
            .AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapCultureEndpoints();

        var api = app.MapGroup("/api/v1").RequireAuthorization(AuthPolicies.Staff);
        api.MapCustomerEndpoints();
        api.MapOrganisationEndpoints();
        api.MapShipmentEndpoints();
        api.MapComplaintEndpoints();
        CourierCrm.Web.Notifications.NotificationsModule.MapNotificationEndpoints(api);
        CourierCrm.Web.Complaints.Reports.ComplaintReportsModule.MapComplaintReportEndpoints(api);
        CourierCrm.Web.Incidents.IncidentsModule.MapIncidentEndpoints(api);
        CourierCrm.Web.Claims.ClaimsModule.MapClaimEndpoints(api);
        api.MapComplaintAttachmentEndpoints();
        api.MapSearchEndpoints();
        api.MapExportEndpoints();
        api.MapImportEndpoints();
        api.MapJobEndpoints();
        api.MapSegmentationEndpoints();
        CourierCrm.Web.Segmentation.Segments.SegmentEndpoints.MapSegmentAndLifetimeValueEndpoints(api);
        api.MapTaskEndpoints();
        api.MapClassificationDashboardEndpoints();

        app.MapStaticAssets();
        app.MapRazorComponents<AppShell>().AddInteractiveServerRenderMode();
        return app;
    }
}
