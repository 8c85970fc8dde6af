using CourierCrm.Domain.Notifications;
using CourierCrm.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CourierCrm.Web.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(x => x.Recipient).HasMaxLength(FieldLimits.Email);
        b.Property(x => x.Subject).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.Body).HasMaxLength(FieldLimits.Text * 4);
        b.Property(x => x.Culture).HasMaxLength(10);
        b.Property(x => x.Topic).HasMaxLength(FieldLimits.Short);
        b.Property(x => x.DedupKey).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.LastError).HasMaxLength(FieldLimits.Text);
        b.HasIndex(x => x.DedupKey).IsUnique();
        // The sender job: pending messages whose time has come.
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => x.Topic);
    }
}

internal sealed class StaffNotificationConfiguration : IEntityTypeConfiguration<StaffNotification>
{
    public void Configure(EntityTypeBuilder<StaffNotification> b)
    {
        b.ToTable("StaffNotifications");
        b.Property(x => x.Title).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.Body).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.Link).HasMaxLength(FieldLimits.Short);
        b.Property(x => x.DedupKey).HasMaxLength(FieldLimits.Name);
        // Escalation notices are raised by a repeating job: once per user and event.
        b.HasIndex(x => new { x.UserId, x.DedupKey }).IsUnique();
        // The mailer's pass: notices whose e-mail is not yet queued, oldest first.
        b.HasIndex(x => new { x.EmailQueued, x.Id });
        // The bell: a user's unread notices, newest first.
        b.HasIndex(x => new { x.UserId, x.ReadAt, x.At });
        b.HasOne<CrmUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
