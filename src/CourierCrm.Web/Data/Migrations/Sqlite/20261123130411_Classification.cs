using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CourierCrm.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Classification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClassificationRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PolicyJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AbcA = table.Column<int>(type: "INTEGER", nullable: false),
                    AbcB = table.Column<int>(type: "INTEGER", nullable: false),
                    AbcC = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TriggeredBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassificationRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClassChanges",
                columns: table => new
                {
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Movement = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PreviousRevenueFen = table.Column<long>(type: "INTEGER", nullable: false),
                    CurrentRevenueFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassChanges", x => new { x.RunId, x.CustomerId, x.Dimension });
                    table.ForeignKey(
                        name: "FK_ClassChanges_ClassificationRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ClassificationRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClassChanges_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerClassifications",
                columns: table => new
                {
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    RevenueFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Abc = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Pyramid = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    KeyAccount = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RfmR = table.Column<int>(type: "INTEGER", nullable: true),
                    RfmF = table.Column<int>(type: "INTEGER", nullable: true),
                    RfmM = table.Column<int>(type: "INTEGER", nullable: true),
                    Quadrant = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Lifecycle = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerClassifications", x => new { x.RunId, x.CustomerId });
                    table.ForeignKey(
                        name: "FK_CustomerClassifications_ClassificationRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ClassificationRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CustomerClassifications_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClassChanges_CustomerId",
                table: "ClassChanges",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ClassChanges_RunId_Movement",
                table: "ClassChanges",
                columns: new[] { "RunId", "Movement" });

            migrationBuilder.CreateIndex(
                name: "IX_ClassificationRuns_AsOf",
                table: "ClassificationRuns",
                column: "AsOf");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerClassifications_CustomerId_RunId",
                table: "CustomerClassifications",
                columns: new[] { "CustomerId", "RunId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClassChanges");

            migrationBuilder.DropTable(
                name: "CustomerClassifications");

            migrationBuilder.DropTable(
                name: "ClassificationRuns");
        }
    }
}
