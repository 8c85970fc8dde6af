using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Infrastructure;

/// <summary>
/// Makes the database refuse an audit row whose summary carries <see cref="Marker"/>, so a test can
/// check that a change whose audit entry cannot be written is not saved either. A trigger, so the
/// failure happens where a real one would: in the database, in the middle of the operation.
/// </summary>
public static class AuditFault
{
    public const string Marker = "#FAIL-AUDIT#";

    public static async Task InstallAsync(CrmWebFactory factory)
    {
        await using var db = factory.NewDb();
        if (factory.ProviderName == "Sqlite")
        {
            await db.Database.ExecuteSqlRawAsync($"""
                CREATE TRIGGER IF NOT EXISTS refuse_marked_audit BEFORE INSERT ON "AuditEntries"
                WHEN NEW."Summary" LIKE '%{Marker}%'
                BEGIN SELECT RAISE(ABORT, 'injected audit failure'); END;
                """);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync($"""
                CREATE OR REPLACE FUNCTION refuse_marked_audit() RETURNS trigger AS $body$
                BEGIN
                  IF NEW."Summary" LIKE '%{Marker}%' THEN RAISE EXCEPTION 'injected audit failure'; END IF;
                  RETURN NEW;
                END $body$ LANGUAGE plpgsql;
                DROP TRIGGER IF EXISTS refuse_marked_audit ON "AuditEntries";
                CREATE TRIGGER refuse_marked_audit BEFORE INSERT ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION refuse_marked_audit();
                """);
        }
    }
}
