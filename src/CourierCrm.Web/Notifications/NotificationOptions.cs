using CourierCrm.Domain.Notifications;

namespace CourierCrm.Web.Notifications;

/// <summary>
/// Settings of customer messages and staff notices (configuration section "Notifications"): how often the
/// sender and the escalation check run, the SMTP server, the SMS file, the retry schedule and the message
/// templates. Checked at start: a bad one stops the start with its name.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often each node sends due outbox messages and queues staff e-mails.</summary>
    public int SendEverySeconds { get; set; } = 30;

    /// <summary>How often each node looks for complaints whose service level turned Warning or Breached.</summary>
    public int EscalateEverySeconds { get; set; } = 60;

    /// <summary>Messages one claim takes; small, so a slow SMTP server holds few messages away from other nodes.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How long a claimed message is kept from other nodes. A node that dies after sending and before marking
    /// the message sent lets it fall due again after this time: sent twice, never lost.
    /// </summary>
    public int ClaimSeconds { get; set; } = 300;

    public int RetryFirstDelaySeconds { get; set; } = (int)RetrySchedule.Default.FirstDelay.TotalSeconds;
    public int RetryLongestDelaySeconds { get; set; } = (int)RetrySchedule.Default.LongestDelay.TotalSeconds;
    public int RetryMaxAttempts { get; set; } = RetrySchedule.Default.MaxAttempts;

    /// <summary>Put before a notice's link in staff e-mails ("https://crm.example.cn"); empty = the path alone.</summary>
    public string? BaseUrl { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>The SMS file adapter's file; relative to the data folder. Default: sms-outbox.log in the data folder.</summary>
    public string? SmsFile { get; set; }

    /// <summary>Templates by name ("ComplaintRecorded") and culture ("zh-CN", "en"); each replaces the built-in one.</summary>
    public Dictionary<string, Dictionary<string, TemplateSetting>> Templates { get; set; } = [];

    public RetrySchedule Retry() => new(
        TimeSpan.FromSeconds(RetryFirstDelaySeconds), TimeSpan.FromSeconds(RetryLongestDelaySeconds), RetryMaxAttempts);

    public TimeSpan ClaimFor => TimeSpan.FromSeconds(ClaimSeconds);

    /// <summary>Every setting that is not valid, named as in appsettings.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (SendEverySeconds < 1) problems.Add($"{Section}:SendEverySeconds (at least 1)");
        if (EscalateEverySeconds < 1) problems.Add($"{Section}:EscalateEverySeconds (at least 1)");
        if (BatchSize is < 1 or > 500) problems.Add($"{Section}:BatchSize (1–500)");
        if (ClaimSeconds < 10) problems.Add($"{Section}:ClaimSeconds (at least 10)");
        problems.AddRange(Retry().InvalidFields().Select(f => $"{Section}:Retry ({f})"));
        if (Smtp.Port is < 1 or > 65535) problems.Add($"{Section}:Smtp:Port (1–65535)");
        if (!string.IsNullOrWhiteSpace(Smtp.Host) && !System.Net.Mail.MailAddress.TryCreate(Smtp.From, out _))
            problems.Add($"{Section}:Smtp:From (an e-mail address)");
        problems.AddRange(NotificationTemplates.Problems(Templates));
        return problems;
    }
}

public sealed class SmtpSettings
{
    /// <summary>Empty: e-mails are written to the log instead of sent (a test or demo installation).</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "crm@xunda.example.cn";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>STARTTLS after connecting.</summary>
    public bool EnableSsl { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>One template in one language: e-mail subject and body, and the shorter SMS text.</summary>
public sealed class TemplateSetting
{
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public string? Sms { get; set; }
}
