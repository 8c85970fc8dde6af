using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Jobs;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Data;

/// <summary>
/// The one database context. Each provider has a subclass only so that its migrations
/// are kept apart (<see cref="SqliteCrmDbContext"/>, <see cref="PostgresCrmDbContext"/>).
/// </summary>
public abstract class CrmDbContext(DbContextOptions options) : IdentityUserContext<CrmUser, int>(options), IDataProtectionKeyContext
{
    /// <summary>Cookie and antiforgery keys, shared by every node and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Outlet> Outlets => Set<Outlet>();
    public DbSet<RolePolicy> RolePolicies => Set<RolePolicy>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<CustomerAddress> CustomerAddresses => Set<CustomerAddress>();
    public DbSet<CustomerTag> CustomerTags => Set<CustomerTag>();
    public DbSet<CustomerNote> CustomerNotes => Set<CustomerNote>();
    public DbSet<CustomerEvent> CustomerEvents => Set<CustomerEvent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Waybill> Waybills => Set<Waybill>();
    public DbSet<TrackingEvent> TrackingEvents => Set<TrackingEvent>();
    public DbSet<BackgroundJob> BackgroundJobs => Set<BackgroundJob>();
    public DbSet<Segmentation.ClassificationRunRow> ClassificationRuns => Set<Segmentation.ClassificationRunRow>();
    public DbSet<Segmentation.CustomerClassificationRow> CustomerClassifications => Set<Segmentation.CustomerClassificationRow>();
    public DbSet<Segmentation.ClassChangeRow> ClassChanges => Set<Segmentation.ClassChangeRow>();
    public DbSet<Imports.ImportMapping> ImportMappings => Set<Imports.ImportMapping>();
    public DbSet<Segmentation.ChurnWarningRow> ChurnWarnings => Set<Segmentation.ChurnWarningRow>();
    public DbSet<Segmentation.SavedSegment> SavedSegments => Set<Segmentation.SavedSegment>();
    public DbSet<Domain.Tasks.StaffTask> StaffTasks => Set<Domain.Tasks.StaffTask>();
    public DbSet<Domain.Complaints.Complaint> Complaints => Set<Domain.Complaints.Complaint>();
    public DbSet<Domain.Complaints.ComplaintStepEntry> ComplaintSteps => Set<Domain.Complaints.ComplaintStepEntry>();
    public DbSet<Domain.Complaints.ComplaintWaybill> ComplaintWaybills => Set<Domain.Complaints.ComplaintWaybill>();
    public DbSet<Domain.Complaints.ComplaintAttachment> ComplaintAttachments => Set<Domain.Complaints.ComplaintAttachment>();
    public DbSet<Domain.Complaints.ComplaintPause> ComplaintPauses => Set<Domain.Complaints.ComplaintPause>();
    public DbSet<Domain.Incidents.ServiceIncident> ServiceIncidents => Set<Domain.Incidents.ServiceIncident>();
    public DbSet<Domain.Incidents.IncidentReport> IncidentReports => Set<Domain.Incidents.IncidentReport>();
    public DbSet<Domain.Incidents.Claim> Claims => Set<Domain.Incidents.Claim>();
    public DbSet<Domain.Notifications.OutboxMessage> OutboxMessages => Set<Domain.Notifications.OutboxMessage>();
    public DbSet<Domain.Notifications.StaffNotification> StaffNotifications => Set<Domain.Notifications.StaffNotification>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL, safe when members are added.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<decimal?>().HavePrecision(18, 2);
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // SQLite cannot order or compare DateTimeOffset; ticks in UTC sort correctly.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        }
    }
}

public sealed class SqliteCrmDbContext(DbContextOptions<SqliteCrmDbContext> options) : CrmDbContext(options);

public sealed class PostgresCrmDbContext(DbContextOptions<PostgresCrmDbContext> options) : CrmDbContext(options);
