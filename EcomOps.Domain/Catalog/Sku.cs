using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Catalog;

/// <summary>A stock-keeping unit: one sellable article as the warehouses count it. Money in minor units (fen).</summary>
public sealed class Sku : IVersioned, IAudited
{
    public const int MaxCodeLength = 40;
    public const int MaxNameLength = 200;
    public const int MaxLabelLength = 100;

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Category { get; set; }
    public string? Brand { get; set; }
    public long ListPriceCents { get; set; }
    public long UnitCostCents { get; set; }

    /// <summary>Units per carton: purchase quantities are rounded up to a multiple of it. At least 1.</summary>
    public int PackSize { get; set; } = 1;

    public bool Active { get; set; } = true;
    public long Version { get; set; }
}

internal sealed class SkuConfiguration : IEntityTypeConfiguration<Sku>
{
    public void Configure(EntityTypeBuilder<Sku> b)
    {
        b.Property(s => s.Code).HasMaxLength(Sku.MaxCodeLength);
        b.Property(s => s.Name).HasMaxLength(Sku.MaxNameLength);
        b.Property(s => s.Category).HasMaxLength(Sku.MaxLabelLength);
        b.Property(s => s.Brand).HasMaxLength(Sku.MaxLabelLength);
        b.HasIndex(s => s.Code).IsUnique();
        b.HasIndex(s => new { s.Category, s.Active });
        b.ToTable(t => t.HasCheckConstraint("CK_Skus_PackSize", "\"PackSize\" >= 1"));
    }
}
