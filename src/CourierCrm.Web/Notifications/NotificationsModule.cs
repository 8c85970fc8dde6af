using CourierCrm.Domain.Notifications;
using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Jobs;
using CourierCrm.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Quartz;
using PagedNotices = CourierCrm.Web.Platform.Paging.PagedResult<CourierCrm.Web.Notifications.StaffNoticeView>;
using PagedOutbox = CourierCrm.Web.Platform.Paging.PagedResult<CourierCrm.Web.Notifications.OutboxMessageView>;

namespace CourierCrm.Web.Notifications;

/// <summary>
/// Composition of notifications (issue 5 items 3 and 5): settings and templates (checked at start), the
/// customer-message outbox and its sender, e-mail (SMTP or the log) and SMS (a file) adapters, staff notices
/// and their e-mails, the service-level escalation, and the /api/v1/notifications and /api/v1/outbox endpoints.
/// </summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Options(configuration);
        services.AddSingleton(options);
        services.AddSingleton<NotificationTemplates>();
        services.AddSingleton<CustomerNotices>();
        if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            services.AddSingleton<IEmailSender, LogEmailSender>();
        else
            services.AddSingleton<IEmailSender>(new SmtpEmailSender(options.Smtp));
        services.AddSingleton<ISmsGateway>(sp => new FileSmsGateway(SmsFile(options, sp.GetRequiredService<JobFiles>()),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FileSmsGateway>>()));
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<StaffNoticeMailer>();
        services.AddSingleton<ComplaintEscalations>();
        services.AddScoped<StaffNotices>();
        services.AddScoped<OutboxAdministration>();
        // One more pair of jobs on the scheduler of Platform/Jobs (AddQuartz composes).
        services.AddQuartz(q =>
        {
            q.AddJob<SendNotifications>(j => j.WithIdentity(SendNotifications.Key));
            q.AddTrigger(t => t.ForJob(SendNotifications.Key).WithIdentity("send-notifications-trigger", "courier-crm").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.SendEverySeconds)).RepeatForever()));
            q.AddJob<EscalateComplaints>(j => j.WithIdentity(EscalateComplaints.Key));
            q.AddTrigger(t => t.ForJob(EscalateComplaints.Key).WithIdentity("escalate-complaints-trigger", "courier-crm").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.EscalateEverySeconds)).RepeatForever()));
        });
        return services;
    }

    /// <summary>The "Notifications" settings; a bad one (a template with unpaired braces or an unknown placeholder too) stops the start naming it.</summary>
    public static NotificationOptions Options(IConfiguration configuration)
    {
        NotificationOptions options;
        try
        {
            options = configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>() ?? new NotificationOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"Notification settings are not valid: {e.Message}", e);
        }
        if (options.Problems() is { Count: > 0 } problems)
            throw new InvalidOperationException($"Notification settings are not valid: {string.Join("; ", problems)}.");
        return options;
    }

    /// <summary>The SMS file: Notifications:SmsFile, relative to the data folder (the folder holding the jobs folder).</summary>
    public static string SmsFile(NotificationOptions options, JobFiles files)
    {
        var dataFolder = Path.GetDirectoryName(files.Root) ?? files.Root;
        var file = string.IsNullOrWhiteSpace(options.SmsFile) ? "sms-outbox.log" : options.SmsFile;
        return Path.GetFullPath(Path.IsPathRooted(file) ? file : Path.Combine(dataFolder, file));
    }

    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var notices = api.MapGroup("/notifications").WithTags("Notifications");

        notices.MapGet("/", async Task<Ok<PagedNotices>> (bool? unread, int? page, int? pageSize, HttpContext http, StaffNotices service, CancellationToken ct) =>
                TypedResults.Ok(http.User.RequireViewer().UserId is int me
                    ? await service.ListAsync(me, unread, page, pageSize, ct)
                    : new PagedNotices([], 0, PageLimits.Number(page), PageLimits.Size(pageSize))))
            .WithName("ListMyNotifications")
            .WithSummary("My staff notices")
            .WithDescription("The caller's own notices (steps on complaints they took or handle, service-level warnings and breaches), newest first, paged (pageSize at most 200). unread=true for the unread ones, unread=false for the read ones. Nobody sees another person's notices; an API token without a user has none.");

        notices.MapGet("/bell", async Task<Ok<BellView>> (HttpContext http, StaffNotices service, CancellationToken ct) =>
                TypedResults.Ok(http.User.RequireViewer().UserId is int me ? await service.BellAsync(me, ct) : new BellView(0, [])))
            .WithName("NotificationBell")
            .WithSummary("My unread count and latest notices")
            .WithDescription("What the bell in the app bar shows: the number of the caller's unread notices and their latest 10 (read or not).");

        notices.MapPost("/{id:long}/read", async (long id, HttpContext http, StaffNotices service, CancellationToken ct) =>
                (http.User.RequireViewer().UserId is int me ? await service.MarkReadAsync(me, id, ct) : Platform.CommandResult<bool>.NotFound())
                    .ToHttp(_ => new { read = true }))
            .WithName("MarkNotificationRead")
            .WithSummary("Mark one of my notices read")
            .WithDescription("Marks the notice read (again: no change). Another person's notice or an unknown id answers 404.")
            .Produces<object>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        notices.MapPost("/read-all", async (HttpContext http, StaffNotices service, CancellationToken ct) =>
                TypedResults.Ok(new { marked = http.User.RequireViewer().UserId is int me ? await service.MarkAllReadAsync(me, ct) : 0 }))
            .WithName("MarkAllNotificationsRead")
            .WithSummary("Mark all my notices read")
            .WithDescription("Marks every unread notice of the caller read; answers how many were marked.");

        var outbox = api.MapGroup("/outbox").WithTags("Notifications").RequireAuthorization(AuthPolicies.Administrator);

        outbox.MapGet("/", async Task<Ok<PagedOutbox>> (OutboxStatus? status, int? page, int? pageSize, OutboxAdministration admin, CancellationToken ct) =>
                TypedResults.Ok(await admin.ListAsync(status, page, pageSize, ct)))
            .WithName("ListOutbox")
            .WithSummary("Customer messages and staff e-mails waiting, sent or parked")
            .WithDescription("Administrators only (403 otherwise). Every outbox message, newest first, paged (pageSize at most 200): channel (Email, Sms), recipient, subject, text, topic (\"complaint:42\", \"staff\"), status (Pending, Sent, Parked), attempts, next attempt, sent time and last error. Filter with status=Pending|Sent|Parked. Messages are sent by a job every Notifications:SendEverySeconds and retried on the schedule; after the last attempt they are parked, never deleted.");

        outbox.MapPost("/{id:long}/retry", async (long id, OutboxAdministration admin, CancellationToken ct) =>
                (await admin.RetryNowAsync(id, ct)).ToHttp(_ => new { retried = true }))
            .WithName("RetryOutboxMessage")
            .WithSummary("Try a parked message again now")
            .WithDescription("Administrators only. Puts a parked message back in the queue, due now, with a fresh retry schedule. A message that is not parked answers 409; an unknown id 404.")
            .Produces<object>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return notices;
    }
}
