using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CourierCrm.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Waybills_CustomerId_OrderedAt_FreightFen",
                table: "Waybills");

            migrationBuilder.DropIndex(
                name: "IX_Waybills_Status_OrderedAt",
                table: "Waybills");

            migrationBuilder.DropIndex(
                name: "IX_Customers_OutletId_Name",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_OwnerId_Name",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_RegionId_Name",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Waybills_CustomerId_Number_OrderedAt",
                table: "Waybills",
                columns: new[] { "CustomerId", "Number", "OrderedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Waybills_CustomerId_OrderedAt_FreightFen_Status_Product",
                table: "Waybills",
                columns: new[] { "CustomerId", "OrderedAt", "FreightFen", "Status", "Product" });

            migrationBuilder.CreateIndex(
                name: "IX_Waybills_Status_OrderedAt_Product",
                table: "Waybills",
                columns: new[] { "Status", "OrderedAt", "Product" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_CreatedAt_Id",
                table: "Customers",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OutletId_Name_Id",
                table: "Customers",
                columns: new[] { "OutletId", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OwnerId_Name_Id",
                table: "Customers",
                columns: new[] { "OwnerId", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_RegionId_Name_Id",
                table: "Customers",
                columns: new[] { "RegionId", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_UpdatedAt_Id",
                table: "Customers",
                columns: new[] { "UpdatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Waybills_CustomerId_Number_OrderedAt",
                table: "Waybills");

            migrationBuilder.DropIndex(
                name: "IX_Waybills_CustomerId_OrderedAt_FreightFen_Status_Product",
                table: "Waybills");

            migrationBuilder.DropIndex(
                name: "IX_Waybills_Status_OrderedAt_Product",
                table: "Waybills");

            migrationBuilder.DropIndex(
                name: "IX_Customers_CreatedAt_Id",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_OutletId_Name_Id",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_OwnerId_Name_Id",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_RegionId_Name_Id",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_UpdatedAt_Id",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Waybills_CustomerId_OrderedAt_FreightFen",
                table: "Waybills",
                columns: new[] { "CustomerId", "OrderedAt", "FreightFen" });

            migrationBuilder.CreateIndex(
                name: "IX_Waybills_Status_OrderedAt",
                table: "Waybills",
                columns: new[] { "Status", "OrderedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OutletId_Name",
                table: "Customers",
                columns: new[] { "OutletId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OwnerId_Name",
                table: "Customers",
                columns: new[] { "OwnerId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_RegionId_Name",
                table: "Customers",
                columns: new[] { "RegionId", "Name" });
        }
    }
}
