using CourierCrm.Domain.Notifications;

namespace CourierCrm.Domain.Tests.Notifications;

public class MessageTemplateTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["customer"] = "深圳华强电子",
        ["number"] = "C-2026-00042",
        ["step"] = "已受理",
    };

    [Theory]
    [InlineData("尊敬的{customer}，您的投诉{number}{step}。", "尊敬的深圳华强电子，您的投诉C-2026-00042已受理。")]
    [InlineData("Complaint { number } is {step}.", "Complaint C-2026-00042 is 已受理.")]
    [InlineData("Braces {{like this}} stay, {number}", "Braces {like this} stay, C-2026-00042")]
    [InlineData("No placeholders.", "No placeholders.")]
    [InlineData("{number}{number}", "C-2026-00042C-2026-00042")]
    public void Placeholders_are_filled_from_the_values(string template, string expected)
    {
        Assert.Equal(expected, MessageTemplate.Render(template, Values).Text);
    }

    [Fact]
    public void A_placeholder_without_a_value_refuses_the_whole_message()
    {
        var rendered = MessageTemplate.Render("{customer}: {waybill} {amount} {waybill}", Values);

        Assert.False(rendered.Complete);
        Assert.Equal(["waybill", "amount"], rendered.Missing);
    }

    [Theory]
    [InlineData("Unclosed {number")]
    [InlineData("Stray } brace")]
    [InlineData("Empty {} name")]
    [InlineData("Nested {a{b}}")]
    public void Unpaired_braces_are_not_a_template(string template)
    {
        Assert.Null(MessageTemplate.Placeholders(template));
        Assert.Throws<FormatException>(() => MessageTemplate.Render(template, Values));
    }

    [Fact]
    public void Placeholders_are_listed_once_in_order_of_use()
    {
        Assert.Equal(["number", "customer"], MessageTemplate.Placeholders("{number} {customer} {number}"));
    }
}
