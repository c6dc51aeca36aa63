using EcomOps.Domain.Catalog;
using EcomOps.Domain.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Inventory;

public enum StockMovementKind
{
    Receipt,
    Reservation,
    Release,
    Shipment,
    Return,
    Adjustment,
    CountVariance,
}

/// <summary>
/// One line of the stock ledger, append-only: what changed on hand and reserved for one SKU in one warehouse, who
/// did it, when, why and for what (the reference, e.g. "order:123", "po:45"). Balances are derived from these rows.
/// </summary>
[LiveBoard(Boards.Inventory)]
public sealed class StockMovement
{
    public const int MaxReferenceLength = 80;
    public const int MaxReasonLength = 500;

    public long Id { get; set; }
    public int SkuId { get; set; }
    public int WarehouseId { get; set; }
    public StockMovementKind Kind { get; set; }
    public int OnHandDelta { get; set; }
    public int ReservedDelta { get; set; }
    public required string Reference { get; set; }
    public string? Reason { get; set; }
    public string? ActorName { get; set; }
    public int? ActorEmployeeId { get; set; }
    public DateTime AtUtc { get; set; }
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> b)
    {
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Reference).HasMaxLength(StockMovement.MaxReferenceLength);
        b.Property(m => m.Reason).HasMaxLength(StockMovement.MaxReasonLength);
        b.Property(m => m.ActorName).HasMaxLength(256);
        // A SKU's history at a warehouse in time order; the deltas are in it so sums over a stretch of the ledger
        // (availability at a past moment, the stock-out rate) read the index alone.
        b.HasIndex(m => new { m.SkuId, m.WarehouseId, m.AtUtc, m.OnHandDelta, m.ReservedDelta });
        b.HasIndex(m => new { m.Kind, m.AtUtc });
        // A SKU's last shipment and last receipt in a warehouse (the alert rules' slow-moving and stock-age inputs) are
        // one seek each, however long its ledger grows.
        b.HasIndex(m => new { m.SkuId, m.WarehouseId, m.Kind, m.AtUtc });
        b.HasIndex(m => m.Reference);
        b.HasOne<Sku>().WithMany().HasForeignKey(m => m.SkuId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(m => m.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}
