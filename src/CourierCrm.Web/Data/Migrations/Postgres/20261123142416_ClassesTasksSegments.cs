using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CourierCrm.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClassesTasksSegments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The table now holds each customer's current classes: keep the latest run's rows only.
            migrationBuilder.Sql("""
                DELETE FROM "CustomerClassifications"
                WHERE "RunId" <> (SELECT MAX("RunId") FROM "CustomerClassifications")
                """);

            migrationBuilder.DropForeignKey(
                name: "FK_CustomerClassifications_ClassificationRuns_RunId",
                table: "CustomerClassifications");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CustomerClassifications",
                table: "CustomerClassifications");

            migrationBuilder.DropIndex(
                name: "IX_CustomerClassifications_CustomerId_RunId",
                table: "CustomerClassifications");

            migrationBuilder.AddColumn<DateOnly>(
                name: "AbcSince",
                table: "CustomerClassifications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ActiveMonths",
                table: "CustomerClassifications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastShipment",
                table: "CustomerClassifications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PredictedValueFen",
                table: "CustomerClassifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ShipmentCount",
                table: "CustomerClassifications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_CustomerClassifications",
                table: "CustomerClassifications",
                column: "CustomerId");

            migrationBuilder.CreateTable(
                name: "SavedSegments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    Shared = table.Column<bool>(type: "boolean", nullable: false),
                    FilterJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedSegments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedSegments_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: true),
                    AssigneeId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedById = table.Column<int>(type: "integer", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SourceKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffTasks_AspNetUsers_AssigneeId",
                        column: x => x.AssigneeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_StaffTasks_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChurnWarnings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Signal = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BaselineMonthly = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    RecentMonthly = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    DropShare = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    SilentDays = table.Column<int>(type: "integer", nullable: true),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RunId = table.Column<long>(type: "bigint", nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedById = table.Column<int>(type: "integer", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedById = table.Column<int>(type: "integer", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TaskId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChurnWarnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChurnWarnings_ClassificationRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ClassificationRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ChurnWarnings_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChurnWarnings_StaffTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "StaffTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerClassifications_Abc",
                table: "CustomerClassifications",
                column: "Abc");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerClassifications_PredictedValueFen",
                table: "CustomerClassifications",
                column: "PredictedValueFen");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerClassifications_Pyramid",
                table: "CustomerClassifications",
                column: "Pyramid");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerClassifications_Quadrant",
                table: "CustomerClassifications",
                column: "Quadrant");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerClassifications_RfmR_RfmF",
                table: "CustomerClassifications",
                columns: new[] { "RfmR", "RfmF" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerClassifications_RunId",
                table: "CustomerClassifications",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_ChurnWarnings_CustomerId_Signal",
                table: "ChurnWarnings",
                columns: new[] { "CustomerId", "Signal" },
                unique: true,
                filter: "\"State\" <> 'Resolved'");

            migrationBuilder.CreateIndex(
                name: "IX_ChurnWarnings_RunId",
                table: "ChurnWarnings",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_ChurnWarnings_State_RaisedOn",
                table: "ChurnWarnings",
                columns: new[] { "State", "RaisedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ChurnWarnings_TaskId",
                table: "ChurnWarnings",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedSegments_OwnerId_Name",
                table: "SavedSegments",
                columns: new[] { "OwnerId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavedSegments_Shared",
                table: "SavedSegments",
                column: "Shared");

            migrationBuilder.CreateIndex(
                name: "IX_StaffTasks_AssigneeId_Status_DueOn",
                table: "StaffTasks",
                columns: new[] { "AssigneeId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffTasks_CustomerId_Kind_Status",
                table: "StaffTasks",
                columns: new[] { "CustomerId", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffTasks_SourceKey",
                table: "StaffTasks",
                column: "SourceKey",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_CustomerClassifications_ClassificationRuns_RunId",
                table: "CustomerClassifications",
                column: "RunId",
                principalTable: "ClassificationRuns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CustomerClassifications_ClassificationRuns_RunId",
                table: "CustomerClassifications");

            migrationBuilder.DropTable(
                name: "ChurnWarnings");

            migrationBuilder.DropTable(
                name: "SavedSegments");

            migrationBuilder.DropTable(
                name: "StaffTasks");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CustomerClassifications",
                table: "CustomerClassifications");

            migrationBuilder.DropIndex(
                name: "IX_CustomerClassifications_Abc",
                table: "CustomerClassifications");

            migrationBuilder.DropIndex(
                name: "IX_CustomerClassifications_PredictedValueFen",
                table: "CustomerClassifications");

            migrationBuilder.DropIndex(
                name: "IX_CustomerClassifications_Pyramid",
                table: "CustomerClassifications");

            migrationBuilder.DropIndex(
                name: "IX_CustomerClassifications_Quadrant",
                table: "CustomerClassifications");

            migrationBuilder.DropIndex(
                name: "IX_CustomerClassifications_RfmR_RfmF",
                table: "CustomerClassifications");

            migrationBuilder.DropIndex(
                name: "IX_CustomerClassifications_RunId",
                table: "CustomerClassifications");

            migrationBuilder.DropColumn(
                name: "AbcSince",
                table: "CustomerClassifications");

            migrationBuilder.DropColumn(
                name: "ActiveMonths",
                table: "CustomerClassifications");

            migrationBuilder.DropColumn(
                name: "LastShipment",
                table: "CustomerClassifications");

            migrationBuilder.DropColumn(
                name: "PredictedValueFen",
                table: "CustomerClassifications");

            migrationBuilder.DropColumn(
                name: "ShipmentCount",
                table: "CustomerClassifications");

            migrationBuilder.AddPrimaryKey(
                name: "PK_CustomerClassifications",
                table: "CustomerClassifications",
                columns: new[] { "RunId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerClassifications_CustomerId_RunId",
                table: "CustomerClassifications",
                columns: new[] { "CustomerId", "RunId" });

            migrationBuilder.AddForeignKey(
                name: "FK_CustomerClassifications_ClassificationRuns_RunId",
                table: "CustomerClassifications",
                column: "RunId",
                principalTable: "ClassificationRuns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
