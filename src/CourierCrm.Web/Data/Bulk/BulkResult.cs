namespace CourierCrm.Web.Data.Bulk;

/// <summary>What one bulk write did: rows written, of which new and of which replaced an existing number.</summary>
public readonly record struct BulkResult(int Written, int Inserted, int Updated)
{
    public static BulkResult operator +(BulkResult a, BulkResult b) =>
        new(a.Written + b.Written, a.Inserted + b.Inserted, a.Updated + b.Updated);
}
