using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CourierCrm.Web.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.Property(x => x.Code).HasMaxLength(FieldLimits.Code);
        b.Property(x => x.Name).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.Phone).HasMaxLength(FieldLimits.Phone);
        b.Property(x => x.PhoneDigits).HasMaxLength(FieldLimits.Phone);
        b.Property(x => x.Fax).HasMaxLength(FieldLimits.Phone);
        b.Property(x => x.Email).HasMaxLength(FieldLimits.Email);
        b.Property(x => x.PostalCode).HasMaxLength(10);
        b.Property(x => x.LegalRepresentative).HasMaxLength(FieldLimits.PersonName);
        b.Property(x => x.OrganisationForm).HasMaxLength(FieldLimits.Short);
        b.Property(x => x.Industry).HasMaxLength(FieldLimits.Short);
        b.Property(x => x.MonthlyAccountNo).HasMaxLength(FieldLimits.Code);
        b.Property(x => x.PaymentTerms).HasMaxLength(FieldLimits.Short);
        foreach (var text in new[]
                 {
                     nameof(Customer.BusinessScopeText), nameof(Customer.Personality), nameof(Customer.Interests),
                     nameof(Customer.Family), nameof(Customer.ServiceRegion), nameof(Customer.SalesCapacity),
                     nameof(Customer.GrowthPotential), nameof(Customer.BusinessPhilosophy), nameof(Customer.Scale),
                     nameof(Customer.OperatingFeatures), nameof(Customer.CurrentSalesActivity), nameof(Customer.OpenProblems),
                     nameof(Customer.RequiredServices), nameof(Customer.ProductAwareness), nameof(Customer.MainPartners),
                     nameof(Customer.CompetitorsUsed),
                 })
            b.Property(text).HasMaxLength(FieldLimits.Text);

        b.HasIndex(x => x.Code).IsUnique();
        // (Name, Id) serves the default list order and keyset paging; the scope columns serve the filters.
        b.HasIndex(x => new { x.Name, x.Id });
        b.Property(x => x.PhoneLast4).HasMaxLength(4);
        b.HasIndex(x => x.PhoneDigits);
        b.HasIndex(x => x.PhoneLast4);
        b.HasIndex(x => x.MonthlyAccountNo);
        // Each scope's list in name order, ending in Id like the list's order so PostgreSQL reads a
        // page (forwards or backwards) straight from the index; SQLite has the rowid there anyway.
        b.HasIndex(x => new { x.OwnerId, x.Name, x.Id });
        b.HasIndex(x => new { x.OutletId, x.Name, x.Id });
        b.HasIndex(x => new { x.RegionId, x.Name, x.Id });
        // The list's other orders (CustomerQueries.Order).
        b.HasIndex(x => new { x.CreatedAt, x.Id });
        b.HasIndex(x => new { x.UpdatedAt, x.Id });

        b.HasOne<CrmUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Outlet>().WithMany().HasForeignKey(x => x.OutletId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Contacts).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Addresses).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Tags).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Notes).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.Property(x => x.Name).HasMaxLength(FieldLimits.PersonName);
        b.Property(x => x.Title).HasMaxLength(FieldLimits.Short);
        b.Property(x => x.Phone).HasMaxLength(FieldLimits.Phone);
        b.Property(x => x.PhoneDigits).HasMaxLength(FieldLimits.Phone);
        b.Property(x => x.Email).HasMaxLength(FieldLimits.Email);
        b.Property(x => x.Personality).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.Hobbies).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.Note).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.PhoneLast4).HasMaxLength(4);
        b.HasIndex(x => x.PhoneDigits);
        b.HasIndex(x => x.PhoneLast4);
        b.HasIndex(x => x.CustomerId);
    }
}

internal sealed class CustomerAddressConfiguration : IEntityTypeConfiguration<CustomerAddress>
{
    public void Configure(EntityTypeBuilder<CustomerAddress> b)
    {
        b.Property(x => x.Label).HasMaxLength(FieldLimits.Short);
        b.Property(x => x.Province).HasMaxLength(FieldLimits.Short);
        b.Property(x => x.City).HasMaxLength(FieldLimits.Short);
        b.Property(x => x.District).HasMaxLength(FieldLimits.Short);
        b.Property(x => x.Street).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.Room).HasMaxLength(FieldLimits.Short);
        b.HasIndex(x => x.CustomerId);
    }
}

internal sealed class CustomerTagConfiguration : IEntityTypeConfiguration<CustomerTag>
{
    public void Configure(EntityTypeBuilder<CustomerTag> b)
    {
        b.HasKey(x => new { x.CustomerId, x.Tag });
        b.Property(x => x.Tag).HasMaxLength(FieldLimits.Tag);
        b.HasIndex(x => x.Tag);
    }
}

internal sealed class CustomerNoteConfiguration : IEntityTypeConfiguration<CustomerNote>
{
    public void Configure(EntityTypeBuilder<CustomerNote> b)
    {
        b.Property(x => x.Text).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.AuthorName).HasMaxLength(FieldLimits.PersonName);
        b.HasIndex(x => new { x.CustomerId, x.CreatedAt });
    }
}

internal sealed class CustomerEventConfiguration : IEntityTypeConfiguration<CustomerEvent>
{
    public void Configure(EntityTypeBuilder<CustomerEvent> b)
    {
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Title).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.Detail).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.ActorName).HasMaxLength(FieldLimits.PersonName);
        b.HasIndex(x => new { x.CustomerId, x.At });
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
