using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CourierCrm.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Foundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OutletId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActsAsUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    IssuedById = table.Column<int>(type: "INTEGER", nullable: true),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActorId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Companies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HotlinePhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Companies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RolePolicies",
                columns: table => new
                {
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CanViewPersonalData = table.Column<bool>(type: "INTEGER", nullable: false),
                    CanRevealPersonalData = table.Column<bool>(type: "INTEGER", nullable: false),
                    CanEditCustomers = table.Column<bool>(type: "INTEGER", nullable: false),
                    CanTransferCustomers = table.Column<bool>(type: "INTEGER", nullable: false),
                    CanExport = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RolePolicies", x => x.Role);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Regions_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Outlets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    HeadName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outlets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outlets_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OutletId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    PreferredCulture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Outlets_OutletId",
                        column: x => x.OutletId,
                        principalTable: "Outlets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MarketType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SpecialisedMarket = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AreaType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BusinessRelation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reach = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Lifecycle = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    PhoneDigits = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    PhoneLast4 = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Fax = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    LegalRepresentative = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    BusinessScopeText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RegisteredCapital = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    OrganisationForm = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Assets = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    BusinessSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Personality = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Interests = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Family = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Birthday = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ServiceRegion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SalesCapacity = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    GrowthPotential = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    BusinessPhilosophy = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Scale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OperatingFeatures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    YearsInBusiness = table.Column<int>(type: "INTEGER", nullable: true),
                    CreditLimit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    BillingDay = table.Column<int>(type: "INTEGER", nullable: true),
                    PaymentTerms = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MonthlyAccountNo = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Overdue = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CurrentSalesActivity = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OpenProblems = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RequiredServices = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProductAwareness = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MainPartners = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CompetitorsUsed = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: true),
                    OutletId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Customers_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Customers_Outlets_OutletId",
                        column: x => x.OutletId,
                        principalTable: "Outlets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Customers_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    PhoneDigits = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    PhoneLast4 = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Birthday = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Personality = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Hobbies = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contacts_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerAddresses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Province = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Room = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerAddresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerAddresses_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ActorId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerEvents_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerNotes_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerTags",
                columns: table => new
                {
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerTags", x => new { x.CustomerId, x.Tag });
                    table.ForeignKey(
                        name: "FK_CustomerTags_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Waybills",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: true),
                    CustomerCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    MonthlyAccountNo = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Product = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SenderPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    SenderAddress = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReceiverName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReceiverPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ReceiverAddress = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OriginCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DestinationCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Pieces = table.Column<int>(type: "INTEGER", nullable: false),
                    WeightGrams = table.Column<long>(type: "INTEGER", nullable: false),
                    FreightFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Insured = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeclaredValueFen = table.Column<long>(type: "INTEGER", nullable: true),
                    InsuranceFeeFen = table.Column<long>(type: "INTEGER", nullable: true),
                    CodAmountFen = table.Column<long>(type: "INTEGER", nullable: true),
                    Payer = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrderedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PickedUpAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PromisedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PickupOutletId = table.Column<int>(type: "INTEGER", nullable: true),
                    DeliveryOutletId = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WaybillId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
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
                name: "IX_ApiTokens_Hash",
                table: "ApiTokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OutletId",
                table: "AspNetUsers",
                column: "OutletId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorId_At",
                table: "AuditEntries",
                columns: new[] { "ActorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_CustomerId",
                table: "Contacts",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_PhoneDigits",
                table: "Contacts",
                column: "PhoneDigits");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_PhoneLast4",
                table: "Contacts",
                column: "PhoneLast4");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerAddresses_CustomerId",
                table: "CustomerAddresses",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerEvents_CustomerId_At",
                table: "CustomerEvents",
                columns: new[] { "CustomerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerNotes_CustomerId_CreatedAt",
                table: "CustomerNotes",
                columns: new[] { "CustomerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Code",
                table: "Customers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Customers_MonthlyAccountNo",
                table: "Customers",
                column: "MonthlyAccountNo");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Name_Id",
                table: "Customers",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OutletId_Name",
                table: "Customers",
                columns: new[] { "OutletId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OwnerId_Name",
                table: "Customers",
                columns: new[] { "OwnerId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_PhoneDigits",
                table: "Customers",
                column: "PhoneDigits");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_PhoneLast4",
                table: "Customers",
                column: "PhoneLast4");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_RegionId_Name",
                table: "Customers",
                columns: new[] { "RegionId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerTags_Tag",
                table: "CustomerTags",
                column: "Tag");

            migrationBuilder.CreateIndex(
                name: "IX_Outlets_Code",
                table: "Outlets",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outlets_RegionId",
                table: "Outlets",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Regions_Code",
                table: "Regions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Regions_CompanyId",
                table: "Regions",
                column: "CompanyId");

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


            // The audit log is append-only (DESIGN.md "Data scopes and privacy"): the database itself refuses changes.
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries
                BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries
                BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
                """);


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

            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_NoDelete;");


            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "CustomerAddresses");

            migrationBuilder.DropTable(
                name: "CustomerEvents");

            migrationBuilder.DropTable(
                name: "CustomerNotes");

            migrationBuilder.DropTable(
                name: "CustomerTags");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "RolePolicies");

            migrationBuilder.DropTable(
                name: "TrackingEvents");

            migrationBuilder.DropTable(
                name: "Waybills");

            migrationBuilder.DropTable(
                name: "Customers");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Outlets");

            migrationBuilder.DropTable(
                name: "Regions");

            migrationBuilder.DropTable(
                name: "Companies");
        }
    }
}
