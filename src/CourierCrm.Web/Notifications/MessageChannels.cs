using System.Net;
using System.Net.Mail;
using System.Text;

namespace CourierCrm.Web.Notifications;

/// <summary>An e-mail to send: one recipient, a subject and a plain-text body.</summary>
public sealed record EmailMessage(string To, string Subject, string Body);

/// <summary>Sends e-mail; throws when it could not (the sender job retries on the schedule).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}

/// <summary>Sends text messages; throws when it could not.</summary>
public interface ISmsGateway
{
    Task SendAsync(string phone, string text, CancellationToken ct);
}

/// <summary>
/// E-mail over SMTP (Notifications:Smtp) with System.Net.Mail: plain text in UTF-8, base64 so Chinese survives
/// any relay; STARTTLS when EnableSsl is set; login when a user name is set.
/// </summary>
public sealed class SmtpEmailSender(SmtpSettings settings) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        using var mail = new MailMessage(new MailAddress(settings.From), new MailAddress(message.To))
        {
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.Body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.Base64,
            IsBodyHtml = false,
        };
        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            EnableSsl = settings.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds)).TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(settings.UserName))
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        await client.SendMailAsync(mail, ct);
    }
}

/// <summary>When no SMTP server is configured (demo, tests): each e-mail is written to the log instead.</summary>
public sealed class LogEmailSender(ILogger<LogEmailSender> logger) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        logger.LogInformation("E-mail (no SMTP server configured) to {To}: {Subject}", message.To, message.Subject);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The default SMS adapter: one line per message appended to a file in the data folder (time, number, text),
/// and a log entry. A real gateway replaces it by registering another <see cref="ISmsGateway"/>.
/// </summary>
public sealed class FileSmsGateway(string path, TimeProvider clock, ILogger<FileSmsGateway> logger) : ISmsGateway
{
    private static readonly UTF8Encoding NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SemaphoreSlim _write = new(1, 1);

    public string Path { get; } = path;

    public async Task SendAsync(string phone, string text, CancellationToken ct)
    {
        var line = $"{clock.GetUtcNow():O}\t{phone}\t{text.ReplaceLineEndings(" ")}{Environment.NewLine}";
        await _write.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await File.AppendAllTextAsync(Path, line, NoBom, ct);
        }
        finally
        {
            _write.Release();
        }
        logger.LogInformation("SMS to {Phone} written to {File}", phone, Path);
    }
}
