using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CourierCrm.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Trigram full-text index over customer and contact names, so a name substring is found
            // without scanning (DESIGN.md "Scale"). One row per name: rowid = customer id * 2 for a
            // customer's own name, contact id * 2 + 1 for a contact's, so triggers reach a row by rowid.
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "CustomerSearch" USING fts5("CustomerId" UNINDEXED, "Name", tokenize = 'trigram');""");
            migrationBuilder.Sql("""INSERT INTO "CustomerSearch"(rowid, "CustomerId", "Name") SELECT "Id" * 2, "Id", "Name" FROM "Customers";""");
            migrationBuilder.Sql("""INSERT INTO "CustomerSearch"(rowid, "CustomerId", "Name") SELECT "Id" * 2 + 1, "CustomerId", "Name" FROM "Contacts";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "Customers_Search_Insert" AFTER INSERT ON "Customers" BEGIN
                    INSERT INTO "CustomerSearch"(rowid, "CustomerId", "Name") VALUES (new."Id" * 2, new."Id", new."Name");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Customers_Search_Update" AFTER UPDATE OF "Name" ON "Customers" BEGIN
                    UPDATE "CustomerSearch" SET "Name" = new."Name" WHERE rowid = new."Id" * 2;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Customers_Search_Delete" AFTER DELETE ON "Customers" BEGIN
                    DELETE FROM "CustomerSearch" WHERE rowid = old."Id" * 2;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_Search_Insert" AFTER INSERT ON "Contacts" BEGIN
                    INSERT INTO "CustomerSearch"(rowid, "CustomerId", "Name") VALUES (new."Id" * 2 + 1, new."CustomerId", new."Name");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_Search_Update" AFTER UPDATE OF "Name", "CustomerId" ON "Contacts" BEGIN
                    UPDATE "CustomerSearch" SET "Name" = new."Name", "CustomerId" = new."CustomerId" WHERE rowid = new."Id" * 2 + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_Search_Delete" AFTER DELETE ON "Contacts" BEGIN
                    DELETE FROM "CustomerSearch" WHERE rowid = old."Id" * 2 + 1;
                END;
                """);
            // Without statistics SQLite prefers an equality on a data-scope column (OwnerId, OutletId,
            // RegionId) over the far more selective phone indexes; ANALYZE gives the planner the numbers.
            migrationBuilder.Sql("ANALYZE;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "Customers_Search_Insert", "Customers_Search_Update", "Customers_Search_Delete", "Contacts_Search_Insert", "Contacts_Search_Update", "Contacts_Search_Delete" })
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "CustomerSearch";""");
        }
    }
}
