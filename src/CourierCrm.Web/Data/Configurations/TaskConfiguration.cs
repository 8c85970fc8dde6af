using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Tasks;
using CourierCrm.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CourierCrm.Web.Data.Configurations;

internal sealed class StaffTaskConfiguration : IEntityTypeConfiguration<StaffTask>
{
    public void Configure(EntityTypeBuilder<StaffTask> b)
    {
        b.ToTable("StaffTasks");
        b.Property(x => x.Title).HasMaxLength(FieldLimits.PersonName * 2);
        b.Property(x => x.Detail).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.CreatedBy).HasMaxLength(FieldLimits.PersonName);
        b.Property(x => x.Outcome).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.SourceKey).HasMaxLength(120);
        // A generator never makes the same task twice.
        b.HasIndex(x => x.SourceKey).IsUnique();
        // "My tasks": open ones by due date.
        b.HasIndex(x => new { x.AssigneeId, x.Status, x.DueOn });
        b.HasIndex(x => new { x.CustomerId, x.Kind, x.Status });
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CrmUser>().WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.SetNull);
    }
}
