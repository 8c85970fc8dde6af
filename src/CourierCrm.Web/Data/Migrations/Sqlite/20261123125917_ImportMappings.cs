using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CourierCrm.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportMappings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HeaderSignature = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ColumnsJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CreatedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportMappings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportMappings_Kind_HeaderSignature",
                table: "ImportMappings",
                columns: new[] { "Kind", "HeaderSignature" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportMappings_Kind_Name",
                table: "ImportMappings",
                columns: new[] { "Kind", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportMappings");
        }
    }
}
