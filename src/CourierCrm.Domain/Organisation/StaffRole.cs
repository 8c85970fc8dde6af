namespace CourierCrm.Domain.Organisation;

/// <summary>The jobs people do in a courier company's customer work (DOMAIN.md §1).</summary>
public enum StaffRole
{
    Administrator,
    Manager,
    CustomerServiceAgent,
    ComplaintHandler,
    SalesRep,
    KeyAccountManager,
    Reception,
    /// <summary>Reads reports and customers; never changes anything.</summary>
    Analyst,
}
