namespace CourierCrm.Web.Organisation;

/// <summary>Marker for the administration pages' texts (OrganisationTexts.resx, OrganisationTexts.zh-CN.resx).</summary>
public sealed class OrganisationTexts;
