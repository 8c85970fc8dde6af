using CourierCrm.Domain.Organisation;

namespace CourierCrm.Web.Incidents;

/// <summary>
/// Who may do what with incidents. Anyone but an analyst may record one (the counter sees the broken parcel);
/// handling it — changing its facts, confirming or dismissing a draft, closing it and marking reports done — is
/// for the service desk, complaint handlers, managers and administrators.
/// </summary>
public static class IncidentPermissions
{
    public static bool MayRecord(StaffRole role) => role is not StaffRole.Analyst;

    public static bool MayHandle(StaffRole role) =>
        role is StaffRole.Administrator or StaffRole.Manager or StaffRole.CustomerServiceAgent or StaffRole.ComplaintHandler;
}
