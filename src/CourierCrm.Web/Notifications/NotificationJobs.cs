using Quartz;

namespace CourierCrm.Web.Notifications;

/// <summary>Every Notifications:SendEverySeconds: staff notices become e-mails in the outbox, then the outbox is sent.</summary>
[DisallowConcurrentExecution]
public sealed class SendNotifications(StaffNoticeMailer mailer, OutboxSender sender) : IJob
{
    public static readonly JobKey Key = new("send-notifications", "courier-crm");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await mailer.QueueAsync(cancellationToken);
        await sender.SendDueAsync(cancellationToken);
    }
}

/// <summary>Every Notifications:EscalateEverySeconds: complaints whose service level turned Warning or Breached are escalated.</summary>
[DisallowConcurrentExecution]
public sealed class EscalateComplaints(ComplaintEscalations escalations) : IJob
{
    public static readonly JobKey Key = new("escalate-complaints", "courier-crm");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await escalations.RunAsync(cancellationToken);
}
