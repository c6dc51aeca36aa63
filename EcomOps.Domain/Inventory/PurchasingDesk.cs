using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Inventory;

/// <summary>A quantity received against one purchase-order line.</summary>
public sealed record ReceiptLine(int LineId, int Quantity);

/// <summary>
/// Purchase orders through their life: a suggestion becomes a draft in one click, a draft is sent, goods are received
/// (each receipt a ledger movement in the same transaction), and the order is closed. Each operation checks the
/// order's version, so a stale screen gets "changed by someone else" instead of overwriting.
/// </summary>
public sealed class PurchasingDesk(IDbContextFactory<OpsDb> dbFactory, StockLedger ledger, InventoryWatch watch, TimeProvider clock)
{
    public const string NoSupplier = "NoSupplier";
    public const string NoWarehouse = "NoWarehouse";
    public const string SupplierNotChosen = "PurchaseOrderSupplierMissing";
    public const string WrongStatus = "PurchaseOrderWrongStatus";
    public const string OverReceiptNeedsReason = "OverReceiptNeedsReason";
    public const string EmptyOrder = "PurchaseOrderEmpty";
    public const string UnknownSku = "UnknownSku";
    public const string SkuAlreadyOnOrder = "PurchaseOrderSkuAlreadyOnOrder";
    public const string UnitCostNegative = "PurchaseOrderUnitCostNegative";

    /// <summary>
    /// Turns an open suggestion into a draft purchase order line: added to the supplier's open draft for the warehouse
    /// if there is one, otherwise to a new draft. Returns the order's id.
    /// </summary>
    public async Task<Outcome<int>> OrderSuggestionAsync(Actor actor, long suggestionId, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageInventory))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        await using var db = await OpenAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var suggestion = await db.Set<ReorderSuggestion>().FirstOrDefaultAsync(s => s.Id == suggestionId, ct);
        if (suggestion is null)
        {
            return Outcome<int>.NotFound();
        }
        if (suggestion.Status != SuggestionStatus.Open)
        {
            return Outcome<int>.Conflict();
        }
        if (suggestion.SupplierId is not { } supplierId)
        {
            return Outcome<int>.Invalid([new FieldError("Supplier", NoSupplier)]);
        }
        var now = Now;
        var order = await db.Set<PurchaseOrder>().Include(p => p.Lines)
            .Where(p => p.Status == PurchaseOrderStatus.Draft && p.SupplierId == supplierId && p.WarehouseId == suggestion.WarehouseId)
            .OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (order is null)
        {
            order = new PurchaseOrder { SupplierId = supplierId, WarehouseId = suggestion.WarehouseId, Status = PurchaseOrderStatus.Draft, CreatedAtUtc = now, CreatedBy = actor.Name };
            db.Add(order);
        }
        var cost = await db.Skus.Where(s => s.Id == suggestion.SkuId).Select(s => s.UnitCostCents).FirstAsync(ct);
        if (order.Lines.FirstOrDefault(l => l.SkuId == suggestion.SkuId) is { } line)
        {
            line.OrderedQuantity += suggestion.Quantity;
        }
        else
        {
            order.Lines.Add(new PurchaseOrderLine { SkuId = suggestion.SkuId, OrderedQuantity = suggestion.Quantity, UnitCostCents = cost });
        }
        await db.SaveChangesAsync(ct);
        suggestion.Status = SuggestionStatus.Ordered;
        suggestion.PurchaseOrderId = order.Id;
        suggestion.UpdatedAtUtc = now;
        await db.SaveChangesAsync(ct);
        await watch.EvaluateAsync(db, order.WarehouseId, [suggestion.SkuId], ct);
        await transaction.CommitAsync(ct);
        return Outcome<int>.Done(order.Id);
    }

    /// <summary>
    /// Starts an empty draft purchase order by hand, for an active supplier delivering to an active warehouse (a new SKU
    /// has no sales, so no suggestion names it); lines are added to it with <see cref="AddLineAsync"/>. Returns its id.
    /// </summary>
    public Task<Outcome<int>> CreateDraftAsync(Actor actor, int supplierId, int warehouseId, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!actor.May(Permissions.ManageInventory))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            await using var db = await OpenAsync(actor, ct);
            var errors = new List<FieldError>();
            if (!await db.Suppliers.AnyAsync(s => s.Id == supplierId && s.Active, ct))
            {
                errors.Add(new FieldError("Supplier", SupplierNotChosen));
            }
            if (!await db.Warehouses.AnyAsync(w => w.Id == warehouseId && w.Active, ct))
            {
                errors.Add(new FieldError("Warehouse", NoWarehouse));
            }
            if (errors.Count > 0)
            {
                return Outcome<int>.Invalid(errors);
            }
            var order = new PurchaseOrder { SupplierId = supplierId, WarehouseId = warehouseId, Status = PurchaseOrderStatus.Draft, CreatedAtUtc = Now, CreatedBy = actor.Name };
            db.Add(order);
            await db.SaveChangesAsync(ct);
            return Outcome<int>.Done(order.Id);
        }, ct);

    /// <summary>Changes a draft line's quantity (whole units above zero).</summary>
    public Task<Outcome<long>> SetDraftQuantityAsync(Actor actor, int orderId, long version, int lineId, int quantity, CancellationToken ct = default) =>
        ChangeAsync(actor, orderId, version, ct, (db, order, now) =>
        {
            if (order.Status != PurchaseOrderStatus.Draft)
            {
                return Task.FromResult<IReadOnlyList<FieldError>>([new FieldError("Status", WrongStatus)]);
            }
            if (quantity <= 0)
            {
                return Task.FromResult<IReadOnlyList<FieldError>>([new FieldError("Quantity", StockErrors.QuantityNotPositive)]);
            }
            if (order.Lines.FirstOrDefault(l => l.Id == lineId) is not { } line)
            {
                return Task.FromResult<IReadOnlyList<FieldError>>([new FieldError("Line", WrongStatus)]);
            }
            line.OrderedQuantity = quantity;
            return Task.FromResult<IReadOnlyList<FieldError>>([]);
        });

    /// <summary>
    /// Adds a line to a draft by hand: an active SKU by its code, a quantity above zero, and a unit cost (the SKU's own
    /// cost when none is given). A SKU already on the order is refused: its line's quantity is changed instead.
    /// </summary>
    public Task<Outcome<long>> AddLineAsync(Actor actor, int orderId, long version, string? skuCode, int quantity, long? unitCostCents, CancellationToken ct = default) =>
        ChangeAsync(actor, orderId, version, ct, async (db, order, now) =>
        {
            if (order.Status != PurchaseOrderStatus.Draft)
            {
                return [new FieldError("Status", WrongStatus)];
            }
            var code = skuCode?.Trim();
            var sku = string.IsNullOrEmpty(code) ? null
                : await db.Skus.Where(s => s.Code == code && s.Active).Select(s => new { s.Id, s.UnitCostCents }).FirstOrDefaultAsync(ct);
            var errors = new List<FieldError>();
            if (sku is null)
            {
                errors.Add(new FieldError("Sku", UnknownSku));
            }
            else if (order.Lines.Any(l => l.SkuId == sku.Id))
            {
                errors.Add(new FieldError("Sku", SkuAlreadyOnOrder));
            }
            if (quantity <= 0)
            {
                errors.Add(new FieldError("Quantity", StockErrors.QuantityNotPositive));
            }
            if (unitCostCents < 0)
            {
                errors.Add(new FieldError("UnitCost", UnitCostNegative));
            }
            if (errors.Count > 0)
            {
                return errors;
            }
            order.Lines.Add(new PurchaseOrderLine { SkuId = sku!.Id, OrderedQuantity = quantity, UnitCostCents = unitCostCents ?? sku.UnitCostCents });
            return [];
        });

    /// <summary>Draft → sent; the expected date is today plus the supplier's lead time.</summary>
    public Task<Outcome<long>> SendAsync(Actor actor, int orderId, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, orderId, version, ct, async (db, order, now) =>
        {
            if (order.Status != PurchaseOrderStatus.Draft)
            {
                return [new FieldError("Status", WrongStatus)];
            }
            if (order.Lines.Count == 0)
            {
                return [new FieldError("Lines", EmptyOrder)];
            }
            var lead = await db.Set<Supplier>().Where(s => s.Id == order.SupplierId).Select(s => s.LeadTimeDays).FirstAsync(ct);
            order.Status = PurchaseOrderStatus.Sent;
            order.SentAtUtc = now;
            order.ExpectedAtUtc = now.AddDays(lead);
            return [];
        });

    /// <summary>
    /// Receives goods: each line's quantity goes on hand through the ledger (reference "po:&lt;id&gt;") and is recorded
    /// as a receipt (on time when by the expected date). Receiving more than ordered needs a reason.
    /// </summary>
    public Task<Outcome<long>> ReceiveAsync(Actor actor, int orderId, long version, IReadOnlyList<ReceiptLine> lines, string? overReason, CancellationToken ct = default) =>
        ChangeAsync(actor, orderId, version, ct, async (db, order, now) =>
        {
            if (order.Status is not (PurchaseOrderStatus.Sent or PurchaseOrderStatus.PartlyReceived))
            {
                return [new FieldError("Status", WrongStatus)];
            }
            var taken = lines.Where(l => l.Quantity != 0).ToList();
            if (taken.Count == 0)
            {
                return [new FieldError("Quantity", StockErrors.NoLines)];
            }
            if (taken.Any(l => l.Quantity < 0))
            {
                return [new FieldError("Quantity", StockErrors.QuantityNotPositive)];
            }
            var byLine = order.Lines.ToDictionary(l => l.Id);
            if (taken.Any(l => !byLine.ContainsKey(l.LineId)))
            {
                return [new FieldError("Line", WrongStatus)];
            }
            var over = taken.GroupBy(l => l.LineId).Any(g => byLine[g.Key].ReceivedQuantity + g.Sum(l => l.Quantity) > byLine[g.Key].OrderedQuantity);
            if (over && string.IsNullOrWhiteSpace(overReason))
            {
                return [new FieldError("Reason", OverReceiptNeedsReason)];
            }
            if (overReason is not null && overReason.Trim().Length > StockMovement.MaxReasonLength)
            {
                return [new FieldError("Reason", StockErrors.TooLong)];
            }
            var onTime = order.ExpectedAtUtc is null || now <= order.ExpectedAtUtc;
            foreach (var receipt in taken)
            {
                var line = byLine[receipt.LineId];
                line.ReceivedQuantity += receipt.Quantity;
                db.Add(new PurchaseReceipt
                {
                    PurchaseOrderId = order.Id,
                    PurchaseOrderLineId = line.Id,
                    SupplierId = order.SupplierId,
                    SkuId = line.SkuId,
                    Quantity = receipt.Quantity,
                    ReceivedAtUtc = now,
                    OnTime = onTime,
                    OverReceiptReason = over ? overReason!.Trim() : null,
                    ReceivedBy = actor.Name,
                });
            }
            var complete = order.Lines.All(l => l.ReceivedQuantity >= l.OrderedQuantity);
            order.Status = complete ? PurchaseOrderStatus.Received : PurchaseOrderStatus.PartlyReceived;
            order.ReceivedAtUtc = complete ? now : null;
            // Lines first, so the ledger's evaluation no longer counts what just arrived as still on order.
            await db.SaveChangesAsync(ct);
            var stock = taken.Select(l => new StockLine(byLine[l.LineId].SkuId, l.Quantity)).ToList();
            var result = await ledger.ReceiveAsync(db, order.WarehouseId, stock, $"po:{order.Id}", over ? overReason : null, ct);
            return result.Succeeded ? [] : result.Errors.Count > 0 ? result.Errors : [new FieldError("Quantity", StockErrors.QuantityNotPositive)];
        });

    /// <summary>
    /// Ends an order: a draft is cancelled; a sent or (partly) received order is closed, and whatever has not arrived
    /// is no longer counted as on order.
    /// </summary>
    public Task<Outcome<long>> CloseAsync(Actor actor, int orderId, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, orderId, version, ct, (db, order, now) =>
        {
            if (order.Status is PurchaseOrderStatus.Closed or PurchaseOrderStatus.Cancelled)
            {
                return Task.FromResult<IReadOnlyList<FieldError>>([new FieldError("Status", WrongStatus)]);
            }
            order.Status = order.Status == PurchaseOrderStatus.Draft ? PurchaseOrderStatus.Cancelled : PurchaseOrderStatus.Closed;
            order.ClosedAtUtc = now;
            return Task.FromResult<IReadOnlyList<FieldError>>([]);
        });

    /// <summary>The change, run again from its start while the database is busy (<see cref="WriteRetry"/>).</summary>
    private Task<Outcome<long>> ChangeAsync(Actor actor, int orderId, long version, CancellationToken ct,
        Func<OpsDb, PurchaseOrder, DateTime, Task<IReadOnlyList<FieldError>>> change) =>
        WriteRetry.RunAsync(() => ChangeOnceAsync(actor, orderId, version, ct, change), ct);

    private async Task<Outcome<long>> ChangeOnceAsync(Actor actor, int orderId, long version, CancellationToken ct,
        Func<OpsDb, PurchaseOrder, DateTime, Task<IReadOnlyList<FieldError>>> change)
    {
        if (!actor.May(Permissions.ManageInventory))
        {
            return Outcome<long>.Invalid([Actor.NotPermitted]);
        }
        await using var db = await OpenAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await db.Set<PurchaseOrder>().Include(p => p.Lines).FirstOrDefaultAsync(p => p.Id == orderId, ct);
        if (order is null)
        {
            return Outcome<long>.NotFound();
        }
        if (order.Version != version)
        {
            return Outcome<long>.Conflict();
        }
        var errors = await change(db, order, Now);
        if (errors.Count > 0)
        {
            return Outcome<long>.Invalid(errors);
        }
        // A change to a line is a change to the order: its version moves, so every open screen of it is stale.
        db.Entry(order).Property(p => p.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<long>.Conflict();
        }
        // What is on order changed: suggestions and alerts of the order's SKUs follow.
        await watch.EvaluateAsync(db, order.WarehouseId, [.. order.Lines.Select(l => l.SkuId)], ct);
        await transaction.CommitAsync(ct);
        return Outcome<long>.Done(order.Version);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<OpsDb> OpenAsync(Actor actor, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        return db;
    }
}
