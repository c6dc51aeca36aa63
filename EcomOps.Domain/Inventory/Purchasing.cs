using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Inventory;

public enum SuggestionStatus
{
    Open,

    /// <summary>Turned into (a line of) a draft purchase order.</summary>
    Ordered,

    /// <summary>No longer needed: stock or orders rose above the reorder point before anyone ordered.</summary>
    Withdrawn,
}

/// <summary>
/// A proposal to buy one SKU for one warehouse, kept by <see cref="InventoryWatch"/>: exactly one open per SKU and
/// warehouse, its quantity recomputed (never added to) each time the SKU is evaluated.
/// </summary>
[LiveBoard(Boards.Inventory)]
public sealed class ReorderSuggestion : IVersioned
{
    public long Id { get; set; }
    public int SkuId { get; set; }
    public int WarehouseId { get; set; }
    public int? SupplierId { get; set; }
    public int Quantity { get; set; }
    public int ProjectedStock { get; set; }
    public int ReorderPoint { get; set; }
    public SuggestionStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int? PurchaseOrderId { get; set; }
    public long Version { get; set; }
}

public enum PurchaseOrderStatus
{
    Draft,
    Sent,
    PartlyReceived,
    Received,
    Closed,
    Cancelled,
}

/// <summary>An order to a supplier for one warehouse: draft → sent → partly received → received → closed.</summary>
[LiveBoard(Boards.Inventory)]
public sealed class PurchaseOrder : IVersioned, IAudited
{
    public const int MaxNoteLength = 500;

    public int Id { get; set; }
    public int SupplierId { get; set; }
    public int WarehouseId { get; set; }
    public PurchaseOrderStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? SentAtUtc { get; set; }

    /// <summary>Sent date plus the supplier's lead time: receipts by then count as on time.</summary>
    public DateTime? ExpectedAtUtc { get; set; }

    public DateTime? ReceivedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public string? Note { get; set; }
    public List<PurchaseOrderLine> Lines { get; set; } = [];
    public long Version { get; set; }

    public string Number => $"PO-{Id:D6}";

    /// <summary>Still expected to bring stock: counted as on order when projecting stock.</summary>
    public static readonly PurchaseOrderStatus[] OnOrderStatuses = [PurchaseOrderStatus.Draft, PurchaseOrderStatus.Sent, PurchaseOrderStatus.PartlyReceived];
}

public sealed class PurchaseOrderLine
{
    public int Id { get; set; }
    public int PurchaseOrderId { get; set; }
    public int SkuId { get; set; }
    public int OrderedQuantity { get; set; }
    public int ReceivedQuantity { get; set; }
    public long UnitCostCents { get; set; }

    public int Outstanding => Math.Max(0, OrderedQuantity - ReceivedQuantity);
}

/// <summary>Goods received against a purchase-order line; each is also a Receipt movement in the ledger.</summary>
public sealed class PurchaseReceipt
{
    public long Id { get; set; }
    public int PurchaseOrderId { get; set; }
    public int PurchaseOrderLineId { get; set; }
    public int SupplierId { get; set; }
    public int SkuId { get; set; }
    public int Quantity { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public bool OnTime { get; set; }
    public string? OverReceiptReason { get; set; }
    public string? ReceivedBy { get; set; }
}

internal sealed class PurchasingConfiguration :
    IEntityTypeConfiguration<ReorderSuggestion>, IEntityTypeConfiguration<PurchaseOrder>, IEntityTypeConfiguration<PurchaseOrderLine>, IEntityTypeConfiguration<PurchaseReceipt>
{
    public void Configure(EntityTypeBuilder<ReorderSuggestion> b)
    {
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(s => new { s.SkuId, s.WarehouseId }).IsUnique().HasFilter("\"Status\" = 'Open'");
        b.HasIndex(s => new { s.Status, s.WarehouseId });
        b.HasOne<Sku>().WithMany().HasForeignKey(s => s.SkuId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(s => s.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Supplier>().WithMany().HasForeignKey(s => s.SupplierId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<PurchaseOrder>().WithMany().HasForeignKey(s => s.PurchaseOrderId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<PurchaseOrder> b)
    {
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.Property(p => p.Note).HasMaxLength(PurchaseOrder.MaxNoteLength);
        b.Ignore(p => p.Number);
        b.HasIndex(p => new { p.Status, p.SupplierId, p.WarehouseId });
        b.HasOne<Supplier>().WithMany().HasForeignKey(p => p.SupplierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(p => p.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PurchaseOrderId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PurchaseOrderLine> b)
    {
        b.Ignore(l => l.Outstanding);
        b.HasIndex(l => new { l.SkuId, l.PurchaseOrderId });
        b.HasOne<Sku>().WithMany().HasForeignKey(l => l.SkuId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PurchaseReceipt> b)
    {
        b.Property(r => r.OverReceiptReason).HasMaxLength(StockMovement.MaxReasonLength);
        b.Property(r => r.ReceivedBy).HasMaxLength(256);
        b.HasIndex(r => new { r.SupplierId, r.ReceivedAtUtc });
        b.HasIndex(r => r.PurchaseOrderId);
        b.HasOne<PurchaseOrderLine>().WithMany().HasForeignKey(r => r.PurchaseOrderLineId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Supplier>().WithMany().HasForeignKey(r => r.SupplierId).OnDelete(DeleteBehavior.Restrict);
    }
}
