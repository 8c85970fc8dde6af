using CourierCrm.Domain.Customers;
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
        b.HasKey(x => new { x.RunId, x.CustomerId });
        // A customer's classes over the runs (its 360 page), newest run last.
        b.HasIndex(x => new { x.CustomerId, x.RunId });
        b.HasOne<ClassificationRunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
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
