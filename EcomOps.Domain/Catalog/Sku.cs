using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Catalog;

/// <summary>
/// A stock-keeping unit: one variant of a <see cref="Product"/> (its specification and model) as the warehouses count it
/// and orders name it. Money in minor units (fen).
/// </summary>
public sealed class Sku : IRetirable, IAudited
{
    public const int MaxCodeLength = 40;
    public const int MaxNameLength = 200;
    public const int MaxLabelLength = 100;
    public const int MaxBarcodeLength = 40;

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>
    /// The product this SKU is a variant of. Every SKU the catalogue makes has one, and the migration gave one to every
    /// SKU before it; rows written straight to the table (tests, imports of old data) may leave it empty.
    /// </summary>
    public int? ProductId { get; set; }

    /// <summary>规格: what this variant is of its product (colour and size, volume, length…).</summary>
    public string? Specification { get; set; }

    /// <summary>型号.</summary>
    public string? Model { get; set; }

    /// <summary>The EAN/UPC printed on the article; unique when present.</summary>
    public string? Barcode { get; set; }

    public int? WeightGrams { get; set; }

    /// <summary>The product's category label (<see cref="Catalog.Category.Label"/>), copied here when the product is saved, for the lists that read it.</summary>
    public string? Category { get; set; }

    /// <summary>The product's brand name, copied here when the product is saved.</summary>
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
        b.Property(s => s.Specification).HasMaxLength(Sku.MaxLabelLength);
        b.Property(s => s.Model).HasMaxLength(Sku.MaxLabelLength);
        b.Property(s => s.Barcode).HasMaxLength(Sku.MaxBarcodeLength);
        b.HasIndex(s => s.Code).IsUnique();
        b.HasIndex(s => s.Barcode).IsUnique();
        b.HasIndex(s => s.ProductId);
        b.HasIndex(s => new { s.Category, s.Active });
        b.ToTable(t => t.HasCheckConstraint("CK_Skus_PackSize", "\"PackSize\" >= 1"));
    }
}
