using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CourierCrm.Web.Data.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("Complaints");
        b.Ignore(x => x.State);
        b.Property(x => x.Number).HasMaxLength(FieldLimits.Code);
        b.Property(x => x.CallerPhone).HasMaxLength(FieldLimits.Phone);
        b.Property(x => x.CallerPhoneDigits).HasMaxLength(FieldLimits.Phone);
        b.Property(x => x.CallerName).HasMaxLength(FieldLimits.PersonName);
        b.Property(x => x.Description).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.Demand).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.DeclineReason).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.Cause).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.ResponsibleDetail).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.RemedyDetail).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.Summary).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.Lesson).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.CorrectiveAction).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.CallbackNote).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.Version).IsConcurrencyToken();

        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.CustomerId, x.RecordedAt });
        // The work lists: open complaints by stage, a handler's queue, the overdue board.
        b.HasIndex(x => new { x.Stage, x.ResolutionDueAt });
        b.HasIndex(x => new { x.HandlerId, x.Stage });
        b.HasIndex(x => new { x.FirstContactOwnerId, x.Stage });
        // Scope and the reports (by outlet and month).
        b.HasIndex(x => new { x.OutletId, x.RecordedAt });
        b.HasIndex(x => new { x.RegionId, x.RecordedAt });
        b.HasIndex(x => x.OwnerId);
        b.HasIndex(x => x.RecordedAt);
        // Unknown callers matched later by their number.
        b.HasIndex(x => x.CallerPhoneDigits);

        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Outlet>().WithMany().HasForeignKey(x => x.OutletId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Outlet>().WithMany().HasForeignKey(x => x.HandlingOutletId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CrmUser>().WithMany().HasForeignKey(x => x.FirstContactOwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CrmUser>().WithMany().HasForeignKey(x => x.HandlerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ComplaintStepEntryConfiguration : IEntityTypeConfiguration<ComplaintStepEntry>
{
    public void Configure(EntityTypeBuilder<ComplaintStepEntry> b)
    {
        b.ToTable("ComplaintSteps");
        b.Property(x => x.ActorName).HasMaxLength(FieldLimits.PersonName);
        b.Property(x => x.Note).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.DataJson).HasMaxLength(FieldLimits.Text * 4);
        b.HasIndex(x => new { x.ComplaintId, x.At });
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplaintWaybillConfiguration : IEntityTypeConfiguration<ComplaintWaybill>
{
    public void Configure(EntityTypeBuilder<ComplaintWaybill> b)
    {
        b.ToTable("ComplaintWaybills");
        b.HasKey(x => new { x.ComplaintId, x.WaybillNumber });
        b.Property(x => x.WaybillNumber).HasMaxLength(FieldLimits.Code);
        // "Complaints about this waybill" on the waybill page.
        b.HasIndex(x => x.WaybillNumber);
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplaintAttachmentConfiguration : IEntityTypeConfiguration<ComplaintAttachment>
{
    public void Configure(EntityTypeBuilder<ComplaintAttachment> b)
    {
        b.ToTable("ComplaintAttachments");
        b.Property(x => x.FileName).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.ContentType).HasMaxLength(FieldLimits.Short);
        b.Property(x => x.StoredAs).HasMaxLength(FieldLimits.Short);
        b.HasIndex(x => x.ComplaintId);
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplaintPauseConfiguration : IEntityTypeConfiguration<ComplaintPause>
{
    public void Configure(EntityTypeBuilder<ComplaintPause> b)
    {
        b.ToTable("ComplaintPauses");
        b.HasIndex(x => x.ComplaintId);
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}
