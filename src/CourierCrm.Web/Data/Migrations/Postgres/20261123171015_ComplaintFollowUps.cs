using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CourierCrm.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ComplaintFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DedupKey",
                table: "StaffNotifications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CallbackRecordedAt",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CallbackRecordedById",
                table: "Complaints",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "Claims",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentReference",
                table: "Claims",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffNotifications_UserId_DedupKey",
                table: "StaffNotifications",
                columns: new[] { "UserId", "DedupKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StaffNotifications_UserId_DedupKey",
                table: "StaffNotifications");

            migrationBuilder.DropColumn(
                name: "DedupKey",
                table: "StaffNotifications");

            migrationBuilder.DropColumn(
                name: "CallbackRecordedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "CallbackRecordedById",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "PaymentReference",
                table: "Claims");
        }
    }
}
