using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Catalog;

/// <summary>
/// What the shop sells (商品): one article with the rulebook's listing fields. Its SKUs are its variants
/// (specification and model per SKU, each with its own code, barcode, price and cost).
/// </summary>
public sealed class Product : IRetirable, IAudited
{
    public const int MaxNameLength = 200;
    public const int MaxShortTextLength = 200;
    public const int MaxLongTextLength = 4000;

    public int Id { get; set; }
    public required string Name { get; set; }
    public int? CategoryId { get; set; }
    public int? BrandId { get; set; }

    /// <summary>产地.</summary>
    public string? Origin { get; set; }

    /// <summary>材质.</summary>
    public string? Material { get; set; }

    /// <summary>使用说明.</summary>
    public string? Instructions { get; set; }

    /// <summary>售后服务.</summary>
    public string? AfterSales { get; set; }

    public string? SellingPoints { get; set; }
    public string? Description { get; set; }
    public bool Active { get; set; } = true;
    public long Version { get; set; }

    public List<Sku> Skus { get; } = [];
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.Property(p => p.Name).HasMaxLength(Product.MaxNameLength);
        b.Property(p => p.Origin).HasMaxLength(Product.MaxShortTextLength);
        b.Property(p => p.Material).HasMaxLength(Product.MaxShortTextLength);
        b.Property(p => p.Instructions).HasMaxLength(Product.MaxLongTextLength);
        b.Property(p => p.AfterSales).HasMaxLength(Product.MaxLongTextLength);
        b.Property(p => p.SellingPoints).HasMaxLength(Product.MaxLongTextLength);
        b.Property(p => p.Description).HasMaxLength(Product.MaxLongTextLength);
        b.HasOne<Category>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Brand>().WithMany().HasForeignKey(p => p.BrandId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Skus).WithOne().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.CategoryId, p.Active });
        b.HasIndex(p => p.BrandId);
        b.HasIndex(p => p.Name);
    }
}
