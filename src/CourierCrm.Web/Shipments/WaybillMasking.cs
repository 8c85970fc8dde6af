using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Privacy;

namespace CourierCrm.Web.Shipments;

/// <summary>
/// Waybills carry senders' and receivers' names, phones and addresses: shown to a viewer without the
/// personal-data permission the way the customer archive is (PersonalDataMask).
/// </summary>
public static class WaybillMasking
{
    public static bool Masks(Viewer viewer) => !viewer.CanViewPersonalData;

    public static string? Name(string? name, bool mask) => mask ? PersonalDataMask.PersonName(name) : name;

    public static string? Phone(string? phone, bool mask) => mask ? PersonalDataMask.Phone(phone) : phone;

    /// <summary>A waybill address is one line: its digits (house, building, room numbers) are hidden.</summary>
    public static string? Address(string? address, bool mask) =>
        !mask || string.IsNullOrWhiteSpace(address) ? address : PersonalDataMask.Address("", "", null, address, null);
}
