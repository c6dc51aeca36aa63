using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Inventory;

/// <summary>
/// How one SKU is kept in stock in one warehouse: its supplier, reorder point (set by hand, or computed from demand),
/// safety stock and maximum. One row per SKU and warehouse.
/// </summary>
public sealed class StockPolicy : IVersioned, IAudited
{
    public int SkuId { get; set; }
    public int WarehouseId { get; set; }
    public int? SupplierId { get; set; }

    /// <summary>Set by hand; when null the computed reorder point applies.</summary>
    public int? ManualReorderPoint { get; set; }

    /// <summary>Last computed by <see cref="ReorderRules.ComputedReorderPoint"/> from the demand and lead time.</summary>
    public int ComputedReorderPoint { get; set; }

    /// <summary>Average units shipped per day over the demand window, as last computed.</summary>
    public double AverageDailyDemand { get; set; }

    public int SafetyStock { get; set; }

    /// <summary>The most this warehouse should hold; above it the SKU is overstocked. Orders fill up to it.</summary>
    public int MaxStock { get; set; }

    public int ReorderPoint => ManualReorderPoint ?? ComputedReorderPoint;

    public long Version { get; set; }
}

internal sealed class StockPolicyConfiguration : IEntityTypeConfiguration<StockPolicy>
{
    public void Configure(EntityTypeBuilder<StockPolicy> b)
    {
        b.HasKey(p => new { p.SkuId, p.WarehouseId });
        b.HasOne<Sku>().WithMany().HasForeignKey(p => p.SkuId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(p => p.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Supplier>().WithMany().HasForeignKey(p => p.SupplierId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(p => p.SupplierId);
    }
}
