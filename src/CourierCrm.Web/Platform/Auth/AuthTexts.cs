namespace CourierCrm.Web.Platform.Auth;

/// <summary>Marker for the sign-in texts (AuthTexts.resx).</summary>
public sealed class AuthTexts;
