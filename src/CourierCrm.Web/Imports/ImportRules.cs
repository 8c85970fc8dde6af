using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Platform.Jobs;

namespace CourierCrm.Web.Imports;

/// <summary>Who may import what.</summary>
public static class ImportRules
{
    /// <summary>
    /// Customers: every role that may edit customers (its rows land in its own scope). Waybills: the
    /// roles that handle the operations system's data in the CRM — administrators, managers and customer
    /// service — and not sales reps or key account managers, whose scope is their own customers only.
    /// </summary>
    public static bool MayImport(Viewer viewer, JobKind kind) => kind switch
    {
        JobKind.CustomerImport => viewer.CanEditCustomers,
        JobKind.WaybillImport => viewer.CanEditCustomers && viewer.Role is StaffRole.Administrator or StaffRole.Manager or StaffRole.CustomerServiceAgent,
        _ => false,
    };

    public static bool MayImportAnything(Viewer viewer) => MayImport(viewer, JobKind.CustomerImport) || MayImport(viewer, JobKind.WaybillImport);
}
