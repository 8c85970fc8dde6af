using CourierCrm.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CourierCrm.Web.Data.Configurations;

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> b)
    {
        b.ToTable("BackgroundJobs");
        b.Property(x => x.OwnerKey).HasMaxLength(40);
        b.Property(x => x.CreatedByName).HasMaxLength(FieldLimits.PersonName);
        b.Property(x => x.Title).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.Message).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.ResultFileName).HasMaxLength(200);
        b.Property(x => x.InputFileName).HasMaxLength(200);
        b.Property(x => x.RunnerId).HasMaxLength(80);
        b.HasIndex(x => new { x.OwnerKey, x.CreatedAt });
        b.HasIndex(x => new { x.Status, x.HeartbeatAt });
        b.HasIndex(x => x.CreatedAt);
    }
}
