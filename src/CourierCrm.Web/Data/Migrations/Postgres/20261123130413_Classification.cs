using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CourierCrm.Web.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    PolicyJson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CustomerCount = table.Column<int>(type: "integer", nullable: false),
                    AbcA = table.Column<int>(type: "integer", nullable: false),
                    AbcB = table.Column<int>(type: "integer", nullable: false),
                    AbcC = table.Column<int>(type: "integer", nullable: false),
                    ChangeCount = table.Column<int>(type: "integer", nullable: false),
                    TriggeredBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassificationRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClassChanges",
                columns: table => new
                {
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    From = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    To = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Movement = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PreviousRevenueFen = table.Column<long>(type: "bigint", nullable: false),
                    CurrentRevenueFen = table.Column<long>(type: "bigint", nullable: false)
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
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    RevenueFen = table.Column<long>(type: "bigint", nullable: false),
                    Abc = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Pyramid = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    KeyAccount = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RfmR = table.Column<int>(type: "integer", nullable: true),
                    RfmF = table.Column<int>(type: "integer", nullable: true),
                    RfmM = table.Column<int>(type: "integer", nullable: true),
                    Quadrant = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Lifecycle = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
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
