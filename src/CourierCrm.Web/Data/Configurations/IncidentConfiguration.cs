using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CourierCrm.Web.Data.Configurations;

internal sealed class ServiceIncidentConfiguration : IEntityTypeConfiguration<ServiceIncident>
{
    public void Configure(EntityTypeBuilder<ServiceIncident> b)
    {
        b.ToTable("ServiceIncidents");
        b.Property(x => x.Number).HasMaxLength(FieldLimits.Code);
        b.Property(x => x.WaybillNumber).HasMaxLength(FieldLimits.Code);
        b.Property(x => x.ThirdPartyName).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.Description).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.WaybillNumber);
        b.HasIndex(x => new { x.Status, x.RecordedAt });
        b.HasIndex(x => new { x.OutletId, x.RecordedAt });
        b.HasIndex(x => new { x.RegionId, x.RecordedAt });
        b.HasIndex(x => x.CustomerId);
        b.HasIndex(x => x.ComplaintId);
        b.HasIndex(x => x.OwnerId);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Outlet>().WithMany().HasForeignKey(x => x.OutletId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IncidentReportConfiguration : IEntityTypeConfiguration<IncidentReport>
{
    public void Configure(EntityTypeBuilder<IncidentReport> b)
    {
        b.ToTable("IncidentReports");
        b.Property(x => x.Note).HasMaxLength(FieldLimits.Text);
        b.HasIndex(x => new { x.IncidentId, x.Level }).IsUnique();
        // The alert job: reports due and not done.
        b.HasIndex(x => new { x.ReportedAt, x.DueAt });
        b.HasOne<ServiceIncident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> b)
    {
        b.ToTable("Claims");
        b.Property(x => x.RejectionReason).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.PaymentReference).HasMaxLength(FieldLimits.Short);
        b.Property(x => x.Note).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.IncidentId);
        b.HasIndex(x => new { x.Status, x.FiledOn });
        b.HasOne<ServiceIncident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
