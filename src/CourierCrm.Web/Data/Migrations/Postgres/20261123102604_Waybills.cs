using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CourierCrm.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Waybills : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PhoneLast4",
                table: "Customers",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneLast4",
                table: "Contacts",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Waybills",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: true),
                    CustomerCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    MonthlyAccountNo = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Product = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SenderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SenderPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    SenderAddress = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReceiverName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReceiverPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ReceiverAddress = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OriginCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DestinationCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Pieces = table.Column<int>(type: "integer", nullable: false),
                    WeightGrams = table.Column<long>(type: "bigint", nullable: false),
                    FreightFen = table.Column<long>(type: "bigint", nullable: false),
                    Insured = table.Column<bool>(type: "boolean", nullable: false),
                    DeclaredValueFen = table.Column<long>(type: "bigint", nullable: true),
                    InsuranceFeeFen = table.Column<long>(type: "bigint", nullable: true),
                    CodAmountFen = table.Column<long>(type: "bigint", nullable: true),
                    Payer = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrderedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PickedUpAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PromisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PickupOutletId = table.Column<int>(type: "integer", nullable: true),
                    DeliveryOutletId = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Waybills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Waybills_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Waybills_Outlets_DeliveryOutletId",
                        column: x => x.DeliveryOutletId,
                        principalTable: "Outlets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Waybills_Outlets_PickupOutletId",
                        column: x => x.PickupOutletId,
                        principalTable: "Outlets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrackingEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WaybillId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrackingEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrackingEvents_Waybills_WaybillId",
                        column: x => x.WaybillId,
                        principalTable: "Waybills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_PhoneLast4",
                table: "Customers",
                column: "PhoneLast4");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_PhoneLast4",
                table: "Contacts",
                column: "PhoneLast4");

            migrationBuilder.CreateIndex(
                name: "IX_TrackingEvents_WaybillId_At",
                table: "TrackingEvents",
                columns: new[] { "WaybillId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Waybills_CustomerId_OrderedAt_FreightFen",
                table: "Waybills",
                columns: new[] { "CustomerId", "OrderedAt", "FreightFen" });

            migrationBuilder.CreateIndex(
                name: "IX_Waybills_DeliveryOutletId",
                table: "Waybills",
                column: "DeliveryOutletId");

            migrationBuilder.CreateIndex(
                name: "IX_Waybills_Number",
                table: "Waybills",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Waybills_OrderedAt",
                table: "Waybills",
                column: "OrderedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Waybills_PickupOutletId",
                table: "Waybills",
                column: "PickupOutletId");

            migrationBuilder.CreateIndex(
                name: "IX_Waybills_Status_OrderedAt",
                table: "Waybills",
                columns: new[] { "Status", "OrderedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TrackingEvents");

            migrationBuilder.DropTable(
                name: "Waybills");

            migrationBuilder.DropIndex(
                name: "IX_Customers_PhoneLast4",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_PhoneLast4",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "PhoneLast4",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "PhoneLast4",
                table: "Contacts");
        }
    }
}
