namespace CourierCrm.Web.Data;

/// <summary>
/// Maximum lengths shared by the database columns and the request validation, so a value
/// that passes validation always fits its column.
/// </summary>
public static class FieldLimits
{
    public const int Code = 32;
    public const int Name = 200;
    public const int PersonName = 50;
    public const int Phone = 30;
    public const int Email = 120;
    public const int Short = 100;
    public const int Tag = 30;
    public const int Text = 2000;
}
