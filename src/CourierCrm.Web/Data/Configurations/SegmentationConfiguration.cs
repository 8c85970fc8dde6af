using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Tasks;
using CourierCrm.Web.Segmentation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CourierCrm.Web.Data.Configurations;

internal sealed class ClassificationRunConfiguration : IEntityTypeConfiguration<ClassificationRunRow>
{
    public void Configure(EntityTypeBuilder<ClassificationRunRow> b)
    {
        b.ToTable("ClassificationRuns");
        b.Property(x => x.PolicyJson).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.TriggeredBy).HasMaxLength(FieldLimits.PersonName);
        // "The run of a day": the history list and the movement report pick runs by date.
        b.HasIndex(x => x.AsOf);
    }
}

internal sealed class CustomerClassificationConfiguration : IEntityTypeConfiguration<CustomerClassificationRow>
{
    public void Configure(EntityTypeBuilder<CustomerClassificationRow> b)
    {
        b.ToTable("CustomerClassifications");
        b.HasKey(x => x.CustomerId);
        // Dashboards and segment filters count and list customers by class.
        b.HasIndex(x => x.Abc);
        b.HasIndex(x => x.Pyramid);
        b.HasIndex(x => new { x.RfmR, x.RfmF });
        b.HasIndex(x => x.Quadrant);
        b.HasIndex(x => x.PredictedValueFen);
        b.HasOne<ClassificationRunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithOne().HasForeignKey<CustomerClassificationRow>(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClassChangeConfiguration : IEntityTypeConfiguration<ClassChangeRow>
{
    public void Configure(EntityTypeBuilder<ClassChangeRow> b)
    {
        b.ToTable("ClassChanges");
        b.HasKey(x => new { x.RunId, x.CustomerId, x.Dimension });
        b.Property(x => x.From).HasMaxLength(40);
        b.Property(x => x.To).HasMaxLength(40);
        // The movement report of a run filtered by direction.
        b.HasIndex(x => new { x.RunId, x.Movement });
        b.HasIndex(x => x.CustomerId);
        b.HasOne<ClassificationRunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChurnWarningConfiguration : IEntityTypeConfiguration<ChurnWarningRow>
{
    public void Configure(EntityTypeBuilder<ChurnWarningRow> b)
    {
        b.ToTable("ChurnWarnings");
        b.Property(x => x.BaselineMonthly).HasPrecision(18, 4);
        b.Property(x => x.RecentMonthly).HasPrecision(18, 4);
        b.Property(x => x.DropShare).HasPrecision(9, 4);
        b.Property(x => x.Resolution).HasMaxLength(FieldLimits.Text);
        // At most one unresolved warning per customer and signal: a nightly run does not raise it twice.
        b.HasIndex(x => new { x.CustomerId, x.Signal }).IsUnique().HasFilter("\"State\" <> 'Resolved'");
        // The warning list: by state, newest first.
        b.HasIndex(x => new { x.State, x.RaisedOn });
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ClassificationRunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<StaffTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SavedSegmentConfiguration : IEntityTypeConfiguration<SavedSegment>
{
    public void Configure(EntityTypeBuilder<SavedSegment> b)
    {
        b.ToTable("SavedSegments");
        b.Property(x => x.Name).HasMaxLength(FieldLimits.PersonName);
        b.Property(x => x.Description).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.FilterJson).HasMaxLength(FieldLimits.Text * 10);
        // One name per owner.
        b.HasIndex(x => new { x.OwnerId, x.Name }).IsUnique();
        b.HasIndex(x => x.Shared);
        b.HasOne<CourierCrm.Web.Platform.Auth.CrmUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
