namespace CourierCrm.Domain.Organisation;

/// <summary>How far a role's reading of customer data reaches (DOMAIN.md §1, DESIGN.md "Data scopes").</summary>
public enum DataScope
{
    /// <summary>Only customers the user owns.</summary>
    Own,
    /// <summary>Customers of the user's outlet (网点).</summary>
    Outlet,
    /// <summary>Customers of every outlet in the user's region.</summary>
    Region,
    /// <summary>The whole company.</summary>
    All,
}
