using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Inventory;

/// <summary>
/// A condition on one SKU in one warehouse that operations should look at (low, out, over, slow). Raised and
/// resolved by <see cref="InventoryWatch"/> from the data; at most one unresolved alert per SKU, warehouse and kind.
/// </summary>
[LiveBoard(Boards.Inventory)]
public sealed class InventoryAlert : IVersioned
{
    public const int MaxNoteLength = 500;

    public long Id { get; set; }
    public int SkuId { get; set; }
    public int WarehouseId { get; set; }
    public InventoryAlertKind Kind { get; set; }

    /// <summary>How bad it is now (see <see cref="InventoryAlertRules"/>).</summary>
    public int Level { get; set; }

    public DateTime RaisedAtUtc { get; set; }
    public DateTime? ResolvedAtUtc { get; set; }
    public DateTime? AcknowledgedAtUtc { get; set; }
    public string? AcknowledgedBy { get; set; }
    public int? AcknowledgedLevel { get; set; }
    public DateTime? SnoozedUntilUtc { get; set; }
    public string? Note { get; set; }

    /// <summary>Set when an acknowledged or snoozed alert came back because it got worse.</summary>
    public DateTime? ReturnedAtUtc { get; set; }

    public long Version { get; set; }

    /// <summary>On the board: unresolved, not acknowledged, and not snoozed past now.</summary>
    public bool IsActive(DateTime nowUtc) => ResolvedAtUtc is null && AcknowledgedAtUtc is null && (SnoozedUntilUtc is null || SnoozedUntilUtc <= nowUtc);
}

internal sealed class InventoryAlertConfiguration : IEntityTypeConfiguration<InventoryAlert>
{
    public void Configure(EntityTypeBuilder<InventoryAlert> b)
    {
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        b.Property(a => a.Note).HasMaxLength(InventoryAlert.MaxNoteLength);
        b.HasIndex(a => new { a.SkuId, a.WarehouseId, a.Kind }).IsUnique().HasFilter("\"ResolvedAtUtc\" IS NULL");
        b.HasIndex(a => new { a.ResolvedAtUtc, a.Kind });
        b.HasOne<Sku>().WithMany().HasForeignKey(a => a.SkuId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(a => a.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}
