using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Notifications;

namespace CourierCrm.Web.Notifications;

/// <summary>What a message is: a complaint milestone told to the customer, or a staff notice sent by e-mail.</summary>
public enum MessageKind
{
    ComplaintRecorded,
    ComplaintDeclined,
    RemedyCarriedOut,
    ComplaintClosed,
    StaffNotice,
}

/// <summary>A message filled from its template: subject (e-mail only) and text.</summary>
public sealed record FilledMessage(string? Subject, string Body);

/// <summary>
/// The message templates in zh-CN and en (issue 5 item 5): built-in texts, each replaceable in
/// "Notifications:Templates:{kind}:{culture}". Every template is checked at start: unpaired braces or a
/// placeholder the kind does not fill stop the start naming the template, so a typo never reaches a customer.
/// </summary>
public sealed class NotificationTemplates
{
    public static readonly string[] Cultures = ["zh-CN", "en"];

    /// <summary>The placeholders each kind fills.</summary>
    public static readonly IReadOnlyDictionary<MessageKind, string[]> Placeholders = new Dictionary<MessageKind, string[]>
    {
        [MessageKind.ComplaintRecorded] = ["number", "name", "dueAt"],
        [MessageKind.ComplaintDeclined] = ["number", "name", "reason"],
        [MessageKind.RemedyCarriedOut] = ["number", "name", "remedy"],
        [MessageKind.ComplaintClosed] = ["number", "name"],
        [MessageKind.StaffNotice] = ["name", "title", "body", "link"],
    };

    private static readonly Dictionary<(MessageKind, string), TemplateSetting> BuiltIn = new()
    {
        [(MessageKind.ComplaintRecorded, "zh-CN")] = new()
        {
            Subject = "您的投诉 {number} 已受理",
            Body = "尊敬的{name}：\n\n您的投诉已登记，编号 {number}。我们将在 {dueAt} 前处理完毕，处理过程中会及时与您联系。\n\n感谢您的反馈。",
            Sms = "【快递客服】{name}您好，您的投诉已受理，编号{number}，将于{dueAt}前处理完毕。",
        },
        [(MessageKind.ComplaintRecorded, "en")] = new()
        {
            Subject = "Your complaint {number} has been received",
            Body = "Dear {name},\n\nWe have recorded your complaint under number {number} and will resolve it by {dueAt}. We will keep you informed.\n\nThank you for telling us.",
            Sms = "Your complaint {number} has been received and will be resolved by {dueAt}.",
        },
        [(MessageKind.ComplaintDeclined, "zh-CN")] = new()
        {
            Subject = "关于您的投诉 {number} 的处理结果",
            Body = "尊敬的{name}：\n\n经核实，您的投诉 {number} 不成立，原因如下：\n{reason}\n\n如有疑问，请联系客服热线。",
            Sms = "【快递客服】{name}您好，经核实您的投诉{number}不成立：{reason}。如有疑问请联系客服。",
        },
        [(MessageKind.ComplaintDeclined, "en")] = new()
        {
            Subject = "About your complaint {number}",
            Body = "Dear {name},\n\nWe have looked into your complaint {number} and found it not valid, for this reason:\n{reason}\n\nPlease call our hotline if you have questions.",
            Sms = "Your complaint {number} was found not valid: {reason}. Please call our hotline with questions.",
        },
        [(MessageKind.RemedyCarriedOut, "zh-CN")] = new()
        {
            Subject = "您的投诉 {number} 已处理",
            Body = "尊敬的{name}：\n\n针对您的投诉 {number}，我们已为您办理：{remedy}。\n\n给您带来不便，深表歉意。",
            Sms = "【快递客服】{name}您好，您的投诉{number}已为您办理：{remedy}。给您带来不便，深表歉意。",
        },
        [(MessageKind.RemedyCarriedOut, "en")] = new()
        {
            Subject = "Your complaint {number} has been dealt with",
            Body = "Dear {name},\n\nFor your complaint {number} we have carried out: {remedy}.\n\nWe apologise for the trouble.",
            Sms = "For your complaint {number} we have carried out: {remedy}. We apologise for the trouble.",
        },
        [(MessageKind.ComplaintClosed, "zh-CN")] = new()
        {
            Subject = "您的投诉 {number} 已结案",
            Body = "尊敬的{name}：\n\n您的投诉 {number} 已处理完毕并结案。我们的工作人员将回访了解您的满意度。\n\n感谢您的支持。",
            Sms = "【快递客服】{name}您好，您的投诉{number}已结案，稍后我们将回访了解您的满意度。",
        },
        [(MessageKind.ComplaintClosed, "en")] = new()
        {
            Subject = "Your complaint {number} is closed",
            Body = "Dear {name},\n\nYour complaint {number} has been resolved and closed. A colleague will call to ask how satisfied you are.\n\nThank you.",
            Sms = "Your complaint {number} is closed. We will call to ask how satisfied you are.",
        },
        [(MessageKind.StaffNotice, "zh-CN")] = new()
        {
            Subject = "【CRM 通知】{title}",
            Body = "{name}：\n\n{title}\n{body}\n\n查看：{link}",
            Sms = "{title}",
        },
        [(MessageKind.StaffNotice, "en")] = new()
        {
            Subject = "[CRM notice] {title}",
            Body = "{name},\n\n{title}\n{body}\n\nOpen: {link}",
            Sms = "{title}",
        },
    };

    private static readonly Dictionary<(RemedyKind, string), string> RemedyWords = new()
    {
        [(RemedyKind.Return, "zh-CN")] = "退货", [(RemedyKind.Return, "en")] = "return of the goods",
        [(RemedyKind.Exchange, "zh-CN")] = "换货", [(RemedyKind.Exchange, "en")] = "exchange",
        [(RemedyKind.Repair, "zh-CN")] = "维修", [(RemedyKind.Repair, "en")] = "repair",
        [(RemedyKind.DiscountCompensation, "zh-CN")] = "折价赔偿", [(RemedyKind.DiscountCompensation, "en")] = "compensation",
        [(RemedyKind.FreightRefund, "zh-CN")] = "退还运费", [(RemedyKind.FreightRefund, "en")] = "refund of the freight",
        [(RemedyKind.ApologyLetter, "zh-CN")] = "致歉函", [(RemedyKind.ApologyLetter, "en")] = "a letter of apology",
        [(RemedyKind.Points, "zh-CN")] = "积分补偿", [(RemedyKind.Points, "en")] = "loyalty points",
    };

    private readonly Dictionary<(MessageKind, string), TemplateSetting> _templates;

    public NotificationTemplates(NotificationOptions options)
    {
        _templates = new(BuiltIn);
        foreach (var (kind, culture, setting) in Configured(options.Templates))
            _templates[(kind, culture)] = Merged(_templates[(kind, culture)], setting);
    }

    /// <summary>Fills a template; null only if a value is missing (which the start-up check makes a bug of ours).</summary>
    public FilledMessage Fill(MessageKind kind, string culture, MessageChannel channel, IReadOnlyDictionary<string, string> values)
    {
        var template = _templates[(kind, CultureOf(culture))];
        var body = Render(channel == MessageChannel.Sms ? template.Sms! : template.Body!, values);
        return new(channel == MessageChannel.Email ? Render(template.Subject!, values).ReplaceLineEndings(" ") : null, body);
    }

    public static string RemedyWord(RemedyKind kind, string culture) => RemedyWords[(kind, CultureOf(culture))];

    /// <summary>A supported culture: "en…" is English, anything else Chinese.</summary>
    public static string CultureOf(string? culture) =>
        culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN";

    private static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var rendered = MessageTemplate.Render(template, values);
        return rendered.Text ?? throw new InvalidOperationException($"No value for {string.Join(", ", rendered.Missing)}.");
    }

    /// <summary>Every configured template that is not valid, named "Notifications:Templates:{kind}:{culture}:{part}" with the reason.</summary>
    public static IEnumerable<string> Problems(Dictionary<string, Dictionary<string, TemplateSetting>> configured)
    {
        foreach (var (name, cultures) in configured)
        {
            var prefix = $"{NotificationOptions.Section}:Templates:{name}";
            if (!Enum.TryParse<MessageKind>(name, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
            {
                yield return $"{prefix} (no such template; known: {string.Join(", ", Enum.GetNames<MessageKind>())})";
                continue;
            }
            foreach (var (culture, setting) in cultures)
            {
                if (!Cultures.Contains(culture))
                {
                    yield return $"{prefix}:{culture} (no such language; known: {string.Join(", ", Cultures)})";
                    continue;
                }
                foreach (var (part, text) in new[] { ("Subject", setting.Subject), ("Body", setting.Body), ("Sms", setting.Sms) })
                {
                    if (text is null) continue;
                    var names = MessageTemplate.Placeholders(text);
                    if (names is null)
                        yield return $"{prefix}:{culture}:{part} (braces do not pair up; write {{{{ and }}}} for a brace)";
                    else if (names.Except(Placeholders[kind]).ToList() is { Count: > 0 } unknown)
                        yield return $"{prefix}:{culture}:{part} (unknown placeholder {string.Join(", ", unknown.Select(u => "{" + u + "}"))}; known: {string.Join(", ", Placeholders[kind].Select(p => "{" + p + "}"))})";
                    else if (text.Trim().Length == 0)
                        yield return $"{prefix}:{culture}:{part} (empty)";
                }
            }
        }
    }

    private static IEnumerable<(MessageKind, string, TemplateSetting)> Configured(Dictionary<string, Dictionary<string, TemplateSetting>> configured) =>
        from pair in configured
        from culture in pair.Value
        select (Enum.Parse<MessageKind>(pair.Key), culture.Key, culture.Value);

    private static TemplateSetting Merged(TemplateSetting builtIn, TemplateSetting configured) => new()
    {
        Subject = configured.Subject ?? builtIn.Subject,
        Body = configured.Body ?? builtIn.Body,
        Sms = configured.Sms ?? builtIn.Sms,
    };
}
