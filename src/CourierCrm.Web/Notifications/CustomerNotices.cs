using System.Text.RegularExpressions;
using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Notifications;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Notifications;

/// <summary>
/// Tells the customer of a complaint's milestones (recorded, declined, remedy carried out, closed) through the
/// outbox: an e-mail to the main contact's address and an SMS to their mobile, whichever the archive has; an
/// unknown caller gets an SMS to the number they called from. The rows are added to the caller's DbContext, so
/// they are saved in the same transaction as the step they report: no step without its message, no message
/// for a step that failed. One message per milestone and channel (the DedupKey), however often it is reached.
/// </summary>
public sealed partial class CustomerNotices(NotificationTemplates templates)
{
    /// <summary>Adds the milestone's messages to <paramref name="db"/> (not saved). The complaint must have its id.</summary>
    public async Task AddAsync(CrmDbContext db, Complaint complaint, MessageKind milestone, DateTimeOffset now, CancellationToken ct)
    {
        var to = await RecipientAsync(db, complaint, ct);
        if (to is null) return;
        var keys = new List<(MessageChannel Channel, string Address)>();
        if (to.Email is { } email) keys.Add((MessageChannel.Email, email));
        if (to.Mobile is { } mobile) keys.Add((MessageChannel.Sms, mobile));
        if (keys.Count == 0) return;

        var dedupKeys = keys.Select(k => DedupKey(complaint.Id, milestone, k.Channel)).ToList();
        var existing = await db.OutboxMessages.Where(m => dedupKeys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(ct);
        foreach (var (channel, address) in keys)
        {
            var key = DedupKey(complaint.Id, milestone, channel);
            if (existing.Contains(key)) continue;
            var message = templates.Fill(milestone, to.Culture, channel, Values(complaint, milestone, to));
            db.OutboxMessages.Add(new OutboxMessage
            {
                Channel = channel, Recipient = address, Subject = message.Subject, Body = message.Body, Culture = to.Culture,
                Topic = $"complaint:{complaint.Id}", DedupKey = key, Status = OutboxStatus.Pending,
                CreatedAt = now, NextAttemptAt = now,
            });
        }
    }

    public static string DedupKey(int complaintId, MessageKind milestone, MessageChannel channel) =>
        $"complaint:{complaintId}:{Milestone(milestone)}:{channel.ToString().ToLowerInvariant()}";

    private static string Milestone(MessageKind kind) => kind switch
    {
        MessageKind.ComplaintRecorded => "recorded",
        MessageKind.ComplaintDeclined => "declined",
        MessageKind.RemedyCarriedOut => "remedy",
        MessageKind.ComplaintClosed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a complaint milestone."),
    };

    private sealed record Recipient(string Name, string? Email, string? Mobile, string Culture);

    private static async Task<Recipient?> RecipientAsync(CrmDbContext db, Complaint complaint, CancellationToken ct)
    {
        // The archive keeps no preferred language for customers yet: Chinese, the company's language.
        const string culture = "zh-CN";
        if (complaint.CustomerId is not int customerId)
            return MobileOf(complaint.CallerPhone) is { } caller ? new(complaint.CallerName ?? "客户", null, caller, culture) : null;
        var customer = await db.Customers.Where(c => c.Id == customerId).Select(c => new { c.Name, c.Email, c.Phone }).SingleOrDefaultAsync(ct);
        if (customer is null) return null;
        // The main contact is the first one entered (the form lists it first).
        var contact = await db.Set<Contact>().Where(c => c.CustomerId == customerId).OrderBy(c => c.Id)
            .Select(c => new { c.Name, c.Email, c.Phone }).FirstOrDefaultAsync(ct);
        var email = Present(contact?.Email) ?? Present(customer.Email);
        var mobile = MobileOf(contact?.Phone) ?? MobileOf(customer.Phone);
        return new(contact?.Name ?? customer.Name, email, mobile, culture);
    }

    private static Dictionary<string, string> Values(Complaint complaint, MessageKind milestone, Recipient to)
    {
        var values = new Dictionary<string, string> { ["number"] = complaint.Number, ["name"] = to.Name };
        switch (milestone)
        {
            case MessageKind.ComplaintRecorded:
                values["dueAt"] = complaint.ResolutionDueAt is { } due ? CompanyTime.Format(due) : "-";
                break;
            case MessageKind.ComplaintDeclined:
                values["reason"] = complaint.DeclineReason ?? "";
                break;
            case MessageKind.RemedyCarriedOut:
                values["remedy"] = complaint.RemedyDetail is { Length: > 0 } detail ? detail
                    : complaint.Remedy is { } remedy ? NotificationTemplates.RemedyWord(remedy, to.Culture) : "";
                break;
        }
        return values;
    }

    private static string? Present(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The 11 digits of a mainland mobile number, or null for a landline, a 400 number or nothing.</summary>
    public static string? MobileOf(string? phone) => PhoneNumber.Digits(phone) is { } digits && Mobile().IsMatch(digits) ? digits : null;

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();
}
