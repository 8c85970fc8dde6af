using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CourierCrm.Web.Data.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> b)
    {
        b.Property(x => x.Name).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.HotlinePhone).HasMaxLength(FieldLimits.Phone);
        b.HasMany(x => x.Regions).WithOne().HasForeignKey(x => x.CompanyId);
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.Property(x => x.Code).HasMaxLength(FieldLimits.Code);
        b.Property(x => x.Name).HasMaxLength(FieldLimits.Name);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasMany(x => x.Outlets).WithOne(x => x.Region).HasForeignKey(x => x.RegionId);
    }
}

internal sealed class OutletConfiguration : IEntityTypeConfiguration<Outlet>
{
    public void Configure(EntityTypeBuilder<Outlet> b)
    {
        b.Property(x => x.Code).HasMaxLength(FieldLimits.Code);
        b.Property(x => x.Name).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.Address).HasMaxLength(FieldLimits.Text);
        b.Property(x => x.Phone).HasMaxLength(FieldLimits.Phone);
        b.Property(x => x.HeadName).HasMaxLength(FieldLimits.PersonName);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class RolePolicyConfiguration : IEntityTypeConfiguration<RolePolicy>
{
    public void Configure(EntityTypeBuilder<RolePolicy> b) => b.HasKey(x => x.Role);
}

internal sealed class CrmUserConfiguration : IEntityTypeConfiguration<CrmUser>
{
    public void Configure(EntityTypeBuilder<CrmUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(FieldLimits.PersonName);
        b.Property(x => x.PreferredCulture).HasMaxLength(10);
        b.HasOne<Outlet>().WithMany().HasForeignKey(x => x.OutletId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.OutletId);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(x => x.Name).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => x.Hash).IsUnique();
    }
}
