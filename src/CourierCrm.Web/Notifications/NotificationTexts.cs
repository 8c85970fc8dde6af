namespace CourierCrm.Web.Notifications;

/// <summary>Marker for the notifications' texts (NotificationTexts.resx, NotificationTexts.zh-CN.resx).</summary>
public sealed class NotificationTexts;
