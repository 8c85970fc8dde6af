using CourierCrm.Web.Platform.Layout;

namespace CourierCrm.Web.Customers.Pages;

/// <summary>Base of the customer pages (see <see cref="CrmComponent"/>).</summary>
public abstract class CustomerComponent : CrmComponent;
