using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Inventory;

/// <summary>
/// On hand and reserved for one SKU in one warehouse: the sum of its ledger movements, kept current by
/// <see cref="StockLedger"/> in the same transaction as each movement. Never edited by hand.
/// </summary>
public sealed class StockBalance : IVersioned
{
    public int SkuId { get; set; }
    public int WarehouseId { get; set; }
    public int OnHand { get; set; }
    public int Reserved { get; set; }

    /// <summary>What can still be promised: on hand less reserved. Queries write <c>OnHand - Reserved</c>.</summary>
    public int Available => OnHand - Reserved;

    public long Version { get; set; }
}

internal sealed class StockBalanceConfiguration : IEntityTypeConfiguration<StockBalance>
{
    public void Configure(EntityTypeBuilder<StockBalance> b)
    {
        b.HasKey(s => new { s.SkuId, s.WarehouseId });
        b.HasIndex(s => new { s.WarehouseId, s.SkuId });
        b.HasOne<Sku>().WithMany().HasForeignKey(s => s.SkuId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(s => s.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_StockBalances_Reserved", "\"Reserved\" >= 0");
            t.HasCheckConstraint("CK_StockBalances_Available", "\"OnHand\" >= \"Reserved\"");
        });
    }
}
