using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Shipments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CourierCrm.Web.Data.Configurations;

internal sealed class WaybillConfiguration : IEntityTypeConfiguration<Waybill>
{
    public void Configure(EntityTypeBuilder<Waybill> b)
    {
        b.Property(x => x.Number).HasMaxLength(FieldLimits.Code);
        b.Property(x => x.CustomerCode).HasMaxLength(FieldLimits.Code);
        b.Property(x => x.MonthlyAccountNo).HasMaxLength(FieldLimits.Code);
        b.Property(x => x.SenderName).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.SenderPhone).HasMaxLength(FieldLimits.Phone);
        b.Property(x => x.SenderAddress).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.ReceiverName).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.ReceiverPhone).HasMaxLength(FieldLimits.Phone);
        b.Property(x => x.ReceiverAddress).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.OriginCity).HasMaxLength(FieldLimits.Short);
        b.Property(x => x.DestinationCity).HasMaxLength(FieldLimits.Short);

        b.HasIndex(x => x.Number).IsUnique();
        // (CustomerId, OrderedAt) serves the 360 page's monthly figures and recent waybills, and
        // with FreightFen included the classification aggregate reads the index alone. Status and
        // Product make it cover the list's filters too: a scoped list with a status or product
        // filter picks and sorts its page's ids from the index without reading a waybill.
        b.HasIndex(x => new { x.CustomerId, x.OrderedAt, x.FreightFen, x.Status, x.Product });
        // A scoped list filtered by the start of a number: a short range per customer in scope.
        b.HasIndex(x => new { x.CustomerId, x.Number, x.OrderedAt });
        b.HasIndex(x => x.OrderedAt);
        // Status with Product at the end: the list filtered by both walks one status in date order
        // and checks the product in the index.
        b.HasIndex(x => new { x.Status, x.OrderedAt, x.Product });
        b.HasIndex(x => x.PickupOutletId);

        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Outlet>().WithMany().HasForeignKey(x => x.PickupOutletId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Outlet>().WithMany().HasForeignKey(x => x.DeliveryOutletId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.WaybillId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrackingEventConfiguration : IEntityTypeConfiguration<TrackingEvent>
{
    public void Configure(EntityTypeBuilder<TrackingEvent> b)
    {
        b.Property(x => x.Place).HasMaxLength(FieldLimits.Short);
        b.Property(x => x.Description).HasMaxLength(FieldLimits.Name);
        b.HasIndex(x => new { x.WaybillId, x.At });
    }
}
