namespace CourierCrm.Web.Customers;

/// <summary>Marker for the customer archive's texts (CustomerTexts.resx, CustomerTexts.zh-CN.resx).</summary>
public sealed class CustomerTexts;
