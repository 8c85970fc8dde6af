using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CourierCrm.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffNoticeMailerIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_StaffNotifications_EmailQueued_Id",
                table: "StaffNotifications",
                columns: new[] { "EmailQueued", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StaffNotifications_EmailQueued_Id",
                table: "StaffNotifications");
        }
    }
}
