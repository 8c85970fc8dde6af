using CourierCrm.Domain.Notifications;
using CourierCrm.Web.Notifications;
using Microsoft.Extensions.Configuration;

namespace CourierCrm.Web.Tests.Notifications;

/// <summary>The "Notifications" settings and templates are checked at start, naming what is wrong.</summary>
public sealed class NotificationSettingsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Theory]
    [InlineData("Notifications:Templates:ComplaintRecorded:zh-CN:Body", "您的投诉 {number 已受理", "Notifications:Templates:ComplaintRecorded:zh-CN:Body (braces do not pair up")]
    [InlineData("Notifications:Templates:ComplaintClosed:en:Sms", "Closed {number}, refund {amount}", "Notifications:Templates:ComplaintClosed:en:Sms (unknown placeholder {amount}")]
    [InlineData("Notifications:Templates:ComplaintFiled:en:Body", "x", "Notifications:Templates:ComplaintFiled (no such template")]
    [InlineData("Notifications:Templates:ComplaintClosed:fr:Body", "x", "Notifications:Templates:ComplaintClosed:fr (no such language")]
    [InlineData("Notifications:RetryMaxAttempts", "0", "Notifications:Retry (maxAttempts)")]
    public void A_bad_setting_stops_the_start_naming_it(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => NotificationsModule.Options(Settings((key, value))));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void A_configured_template_replaces_the_built_in_one_and_keeps_its_other_parts()
    {
        var options = NotificationsModule.Options(Settings(("Notifications:Templates:ComplaintClosed:zh-CN:Sms", "{{结案}} {number}")));
        var templates = new NotificationTemplates(options);
        var values = new Dictionary<string, string> { ["number"] = "TS-20261123-0001", ["name"] = "张三" };

        Assert.Equal("{结案} TS-20261123-0001", templates.Fill(MessageKind.ComplaintClosed, "zh-CN", MessageChannel.Sms, values).Body);
        Assert.Contains("TS-20261123-0001", templates.Fill(MessageKind.ComplaintClosed, "zh-CN", MessageChannel.Email, values).Subject);
    }

    [Fact]
    public void Every_built_in_template_fills_with_its_placeholders_in_both_languages()
    {
        var templates = new NotificationTemplates(new NotificationOptions());
        foreach (var (kind, names) in NotificationTemplates.Placeholders)
            foreach (var culture in NotificationTemplates.Cultures)
                foreach (var channel in Enum.GetValues<MessageChannel>())
                {
                    var filled = templates.Fill(kind, culture, channel, names.ToDictionary(n => n, n => $"<{n}>"));
                    Assert.DoesNotContain("{", filled.Body);
                }
    }
}
