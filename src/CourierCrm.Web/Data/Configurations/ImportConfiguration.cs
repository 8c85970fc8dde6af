using CourierCrm.Web.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CourierCrm.Web.Data.Configurations;

internal sealed class ImportMappingConfiguration : IEntityTypeConfiguration<ImportMapping>
{
    public void Configure(EntityTypeBuilder<ImportMapping> b)
    {
        b.ToTable("ImportMappings");
        b.Property(x => x.Name).HasMaxLength(ImportService.MaxMappingName);
        b.Property(x => x.HeaderSignature).HasMaxLength(64);
        b.Property(x => x.ColumnsJson).HasMaxLength(FieldLimits.Text * 10);
        // One name per kind: saving under a name again replaces that mapping.
        b.HasIndex(x => new { x.Kind, x.Name }).IsUnique();
        b.HasIndex(x => new { x.Kind, x.HeaderSignature });
    }
}
