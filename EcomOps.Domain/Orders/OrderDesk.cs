using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Orders;

/// <summary>A line of a corrected order: SKU code, quantity, unit price and the line's discount.</summary>
public sealed record LineFix(string SkuCode, int Quantity, long UnitPriceCents, long DiscountCents);

/// <summary>Units of one order line (for a partial shipment or a return).</summary>
public sealed record LineQuantity(long OrderLineId, int Quantity);

/// <summary>
/// What specialists do to an order after intake: work the exception queue (contact, fix, release, cancel) and fulfil
/// it (assign, pick, pack, ship, deliver, return). Each operation is one context and one transaction, guarded by
/// the order's version; its stock moves through the ledger in that same transaction.
/// </summary>
public sealed class OrderDesk(IDbContextFactory<OpsDb> dbFactory, OrderStock stock, OrderSettings settings, TimeProvider clock)
{
    public Task<Outcome<long>> LogContactAsync(Actor actor, int orderId, ContactOutcome outcome, string? note, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, orderId, version, ct, (_, order, now) =>
        {
            if (!Enum.IsDefined(outcome))
            {
                return Errors("Outcome", "Required");
            }
            if (note?.Trim().Length > OrderRules.MaxNoteLength)
            {
                return Errors("Note", "TooLong");
            }
            if (!TextRules.IsSafe(note))
            {
                return Errors("Note", TextRules.UnsafeCharacters);
            }
            order.Events.Add(new OrderEvent { Kind = OrderEventKind.CustomerContacted, ContactOutcome = outcome, Detail = Blank(note), ByName = actor.Name, AtUtc = now });
            return Ok();
        });

    public Task<Outcome<long>> FixAddressAsync(Actor actor, int orderId, string name, string phone, string address, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, orderId, version, ct, (_, order, now) =>
        {
            if (!order.CanFixAddress)
            {
                return Errors("Status", "OrderNotEditable");
            }
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add(new FieldError("CustomerName", "Required"));
            }
            else if (name.Trim().Length > OrderRules.MaxNameLength)
            {
                errors.Add(new FieldError("CustomerName", "TooLong"));
            }
            if (!OrderRules.PhoneLooksPlausible(phone))
            {
                errors.Add(new FieldError("CustomerPhone", "PhoneImplausible"));
            }
            if (!OrderRules.AddressLooksComplete(address, settings.Contact.MinAddressLength))
            {
                errors.Add(new FieldError("ShippingAddress", "AddressIncomplete"));
            }
            else if (address.Trim().Length > OrderRules.MaxAddressLength)
            {
                errors.Add(new FieldError("ShippingAddress", "TooLong"));
            }
            TextRules.Check(errors, "CustomerName", name);
            TextRules.Check(errors, "CustomerPhone", phone);
            TextRules.Check(errors, "ShippingAddress", address);
            if (errors.Count > 0)
            {
                return Task.FromResult(errors);
            }
            order.CustomerName = name.Trim();
            order.CustomerPhone = phone.Trim();
            order.ShippingAddress = address.Trim();
            order.Events.Add(new OrderEvent { Kind = OrderEventKind.AddressFixed, Detail = order.ShippingAddress, ByName = actor.Name, AtUtc = now });
            return Ok();
        });

    /// <summary>Replaces the lines of an order that holds no stock yet (on hold or awaiting review).</summary>
    public Task<Outcome<long>> FixLinesAsync(Actor actor, int orderId, IReadOnlyList<LineFix> lines, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, orderId, version, ct, async (db, order, now) =>
        {
            if (!order.CanFixLines)
            {
                return [new FieldError("Status", "OrderNotEditable")];
            }
            var draft = new OrderDraft
            {
                PlatformOrderId = order.PlatformOrderId,
                CustomerName = order.CustomerName,
                CustomerPhone = order.CustomerPhone,
                ShippingAddress = order.ShippingAddress,
                PlacedAtUtc = order.PlacedAtUtc,
                ShippingFeeCents = order.ShippingFeeCents,
                Lines = [.. lines.Select(l => new OrderLineDraft(l.SkuCode, null, l.Quantity, l.UnitPriceCents, l.DiscountCents))],
            };
            var errors = OrderRules.Check(draft, now).Where(e => e.Field.StartsWith("lines", StringComparison.Ordinal)).ToList();
            var skus = await OrderStock.SkusAsync(db, lines.Select(l => l.SkuCode), ct);
            for (var i = 0; i < lines.Count; i++)
            {
                if (!skus.TryGetValue(lines[i].SkuCode.Trim(), out var sku) || !sku.Active)
                {
                    errors.Add(new FieldError($"lines[{i}].sku", "UnknownSku"));
                }
            }
            if (errors.Count > 0)
            {
                return errors;
            }
            db.OrderLines.RemoveRange(order.Lines);
            order.Lines.Clear();
            foreach (var line in lines)
            {
                var sku = skus[line.SkuCode.Trim()];
                order.Lines.Add(new OrderLine
                {
                    SkuId = sku.Id,
                    SkuCode = line.SkuCode.Trim(),
                    Title = sku.Name.Length > 200 ? sku.Name[..200] : sku.Name,
                    Quantity = line.Quantity,
                    UnitPriceCents = line.UnitPriceCents,
                    DiscountCents = line.DiscountCents,
                });
            }
            OrderRules.Totals(order);
            order.Events.Add(new OrderEvent
            {
                Kind = OrderEventKind.LinesFixed,
                Detail = string.Join(", ", order.Lines.Select(l => $"{l.SkuCode}×{l.Quantity}")),
                ByName = actor.Name,
                AtUtc = now,
            });
            return [];
        });

    /// <summary>
    /// A specialist releases a held order: the held reasons are settled by a person, and the order is accepted with
    /// its stock reserved. If the stock is not there (and the stock rule is on), nothing changes. A hold about money
    /// (<see cref="Order.ReleaseNeedsNote"/>) is released only with a note saying why, kept on the timeline.
    /// </summary>
    public Task<Outcome<long>> ReleaseAsync(Actor actor, int orderId, long version, string? note = null, CancellationToken ct = default) =>
        ChangeAsync(actor, orderId, version, ct, async (db, order, now) =>
        {
            if (!order.CanRelease)
            {
                return [new FieldError("Status", "NotOnHold")];
            }
            if (order.ReleaseNeedsNote && string.IsNullOrWhiteSpace(note))
            {
                return [new FieldError("Note", "ReleaseNoteRequired")];
            }
            if (note?.Trim().Length > OrderRules.MaxNoteLength)
            {
                return [new FieldError("Note", "TooLong")];
            }
            if (!TextRules.IsSafe(note))
            {
                return [new FieldError("Note", TextRules.UnsafeCharacters)];
            }
            var shortages = await stock.ReserveAsync(db, order, null, actor.Name, ct);
            if (OrderReview.StockFinding(shortages, settings) is { } outOfStock)
            {
                return [new FieldError("Stock", "OutOfStock")];
            }
            var waited = now - (order.HeldSinceUtc ?? now);
            foreach (var hold in order.Holds.Where(h => h.ResolvedAtUtc is null))
            {
                hold.ResolvedAtUtc = now;
            }
            var detail = string.IsNullOrWhiteSpace(note) ? $"{(int)waited.TotalMinutes} min" : $"{(int)waited.TotalMinutes} min · {note.Trim()}";
            order.Events.Add(new OrderEvent { Kind = OrderEventKind.Released, Detail = detail, ByName = actor.Name, AtUtc = now });
            OrderFirstReview.Accept(db, order, actor, now);
            return [];
        });

    public Task<Outcome<long>> CancelAsync(Actor actor, int orderId, string reason, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, orderId, version, ct, async (db, order, now) =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return [new FieldError("Reason", "Required")];
            }
            if (reason.Trim().Length > OrderRules.MaxNoteLength)
            {
                return [new FieldError("Reason", "TooLong")];
            }
            if (!TextRules.IsSafe(reason))
            {
                return [new FieldError("Reason", TextRules.UnsafeCharacters)];
            }
            if (!order.CanCancel)
            {
                return [new FieldError("Status", "OrderNotCancellable")];
            }
            await stock.ReleaseAsync(db, order, "cancelled", ct);
            foreach (var hold in order.Holds.Where(h => h.ResolvedAtUtc is null))
            {
                hold.ResolvedAtUtc = now;
            }
            order.Status = OrderStatus.Cancelled;
            order.HeldSinceUtc = null;
            order.CancelReason = reason.Trim();
            order.Events.Add(new OrderEvent { Kind = OrderEventKind.Cancelled, Detail = order.CancelReason, ByName = actor.Name, AtUtc = now });
            db.OutboxMessages.Add(OrderNotices.Compose(order, NotificationKind.Cancelled, now));
            return [];
        });

    /// <summary>Gives an accepted order its warehouse and carrier; its reservation moves with it (or is made now, for a backorder).</summary>
    public Task<Outcome<long>> AssignAsync(Actor actor, int orderId, int warehouseId, string carrier, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, orderId, version, ct, async (db, order, now) =>
        {
            if (!order.CanAssign)
            {
                return [new FieldError("Status", "NotAssignable")];
            }
            if (string.IsNullOrWhiteSpace(carrier) || carrier.Trim().Length > 40)
            {
                return [new FieldError("Carrier", string.IsNullOrWhiteSpace(carrier) ? "Required" : "TooLong")];
            }
            if (!TextRules.IsSafe(carrier))
            {
                return [new FieldError("Carrier", TextRules.UnsafeCharacters)];
            }
            if (!await db.Set<Warehouse>().AnyAsync(w => w.Id == warehouseId && w.Active, ct))
            {
                return [new FieldError("Warehouse", "WarehouseUnknown")];
            }
            if (order.WarehouseId != warehouseId || !order.StockReserved)
            {
                await stock.ReleaseAsync(db, order, "moved to another warehouse", ct);
                var shortages = await stock.ReserveAsync(db, order, warehouseId, actor.Name, ct);
                if (shortages.Count > 0)
                {
                    return [new FieldError("Warehouse", "OutOfStock")];
                }
            }
            order.Carrier = carrier.Trim();
            order.ShippingStatus = ShippingStatus.Assigned;
            order.Events.Add(new OrderEvent { Kind = OrderEventKind.Assigned, Detail = $"{warehouseId} · {order.Carrier}", ByName = actor.Name, AtUtc = now });
            return [];
        });

    public Task<Outcome<long>> PickAsync(Actor actor, int orderId, long version, CancellationToken ct = default) =>
        StepAsync(actor, orderId, version, ShippingStatus.Assigned, ShippingStatus.Picking, OrderEventKind.Picked, ct);

    public Task<Outcome<long>> PackAsync(Actor actor, int orderId, long version, CancellationToken ct = default) =>
        StepAsync(actor, orderId, version, ShippingStatus.Picking, ShippingStatus.Packed, OrderEventKind.Packed, ct);

    /// <summary>Ships the given units (all open units when <paramref name="lines"/> is empty) with a tracking number.</summary>
    public Task<Outcome<long>> ShipAsync(Actor actor, int orderId, string trackingNumber, IReadOnlyList<LineQuantity> lines, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, orderId, version, ct, async (db, order, now) =>
        {
            if (!order.CanShip)
            {
                return [new FieldError("Status", "NotPacked")];
            }
            if (string.IsNullOrWhiteSpace(trackingNumber) || trackingNumber.Trim().Length > OrderRules.MaxTrackingLength)
            {
                return [new FieldError("TrackingNumber", string.IsNullOrWhiteSpace(trackingNumber) ? "Required" : "TooLong")];
            }
            if (!TextRules.IsSafe(trackingNumber))
            {
                return [new FieldError("TrackingNumber", TextRules.UnsafeCharacters)];
            }
            var units = lines.Count == 0
                ? order.Lines.Where(l => l.Quantity > l.ShippedQuantity).Select(l => new LineQuantity(l.Id, l.Quantity - l.ShippedQuantity)).ToList()
                : lines.Where(l => l.Quantity != 0).ToList();
            var errors = CheckUnits(order, units, l => l.Quantity - l.ShippedQuantity);
            if (errors.Count > 0)
            {
                return errors;
            }
            var result = await stock.ShipAsync(db, order, [.. units.Select(u => new StockLine(order.Lines.First(l => l.Id == u.OrderLineId).SkuId, u.Quantity))], ct);
            if (!result.Succeeded)
            {
                return [new FieldError("Lines", "OutOfStock")];
            }
            var shipment = new OrderShipment { WarehouseId = order.WarehouseId!.Value, Carrier = order.Carrier!, TrackingNumber = trackingNumber.Trim(), ShippedAtUtc = now };
            foreach (var unit in units)
            {
                order.Lines.First(l => l.Id == unit.OrderLineId).ShippedQuantity += unit.Quantity;
                shipment.Lines.Add(new OrderShipmentLine { OrderLineId = unit.OrderLineId, Quantity = unit.Quantity });
            }
            order.Shipments.Add(shipment);
            var all = order.Lines.All(l => l.ShippedQuantity >= l.Quantity);
            order.ShippingStatus = all ? ShippingStatus.Shipped : ShippingStatus.PartiallyShipped;
            order.ShippedAtUtc ??= now;
            order.Events.Add(new OrderEvent
            {
                Kind = OrderEventKind.Shipped,
                Detail = $"{order.Carrier} {shipment.TrackingNumber}: {string.Join(", ", units.Select(u => $"{order.Lines.First(l => l.Id == u.OrderLineId).SkuCode}×{u.Quantity}"))}",
                ByName = actor.Name,
                AtUtc = now,
            });
            db.OutboxMessages.Add(OrderNotices.Compose(order, NotificationKind.Shipped, now, order.Carrier, shipment.TrackingNumber));
            return [];
        });

    /// <summary>The carrier delivered what has shipped; once everything has shipped and arrived, the order is complete.</summary>
    public Task<Outcome<long>> DeliverAsync(Actor actor, int orderId, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, orderId, version, ct, (_, order, now) =>
        {
            if (!order.CanDeliver)
            {
                return Errors("Status", "NothingInTransit");
            }
            foreach (var shipment in order.Shipments.Where(s => s.DeliveredAtUtc is null))
            {
                shipment.DeliveredAtUtc = now;
            }
            if (order.ShippingStatus == ShippingStatus.Shipped)
            {
                order.ShippingStatus = ShippingStatus.Delivered;
                order.DeliveredAtUtc = now;
                order.Status = OrderStatus.Completed;
            }
            order.Events.Add(new OrderEvent { Kind = OrderEventKind.Delivered, ByName = actor.Name, AtUtc = now });
            return Ok();
        });

    /// <summary>The customer sent units back: they go back on hand in the warehouse that shipped them.</summary>
    public Task<Outcome<long>> ReturnAsync(Actor actor, int orderId, IReadOnlyList<LineQuantity> lines, string reason, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, orderId, version, ct, async (db, order, now) =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return [new FieldError("Reason", "Required")];
            }
            if (!TextRules.IsSafe(reason))
            {
                return [new FieldError("Reason", TextRules.UnsafeCharacters)];
            }
            var units = lines.Where(l => l.Quantity != 0).ToList();
            if (units.Count == 0)
            {
                return [new FieldError("Lines", "NothingToReturn")];
            }
            var errors = CheckUnits(order, units, l => l.ShippedQuantity - l.ReturnedQuantity);
            if (errors.Count > 0)
            {
                return errors;
            }
            await stock.ReturnAsync(db, order, [.. units.Select(u => new StockLine(order.Lines.First(l => l.Id == u.OrderLineId).SkuId, u.Quantity))], reason.Trim(), ct);
            foreach (var unit in units)
            {
                order.Lines.First(l => l.Id == unit.OrderLineId).ReturnedQuantity += unit.Quantity;
            }
            order.Events.Add(new OrderEvent
            {
                Kind = OrderEventKind.Returned,
                Detail = $"{reason.Trim()}: {string.Join(", ", units.Select(u => $"{order.Lines.First(l => l.Id == u.OrderLineId).SkuCode}×{u.Quantity}"))}",
                ByName = actor.Name,
                AtUtc = now,
            });
            return [];
        });

    /// <summary>
    /// Tells each customer whose order has gone past its ship-by time, once. Run by a recurring job; running it twice
    /// tells no one twice.
    /// </summary>
    public async Task<int> NotifyLateAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var late = await db.Orders
            .Where(o => o.Status == OrderStatus.Accepted && !o.DelayNotified && o.ShipByUtc != null && o.ShipByUtc < now
                && (o.ShippingStatus == ShippingStatus.NotAssigned || o.ShippingStatus == ShippingStatus.Assigned || o.ShippingStatus == ShippingStatus.Picking || o.ShippingStatus == ShippingStatus.Packed))
            .OrderBy(o => o.ShipByUtc).Take(500).ToListAsync(ct);
        foreach (var order in late)
        {
            order.DelayNotified = true;
            db.OutboxMessages.Add(OrderNotices.Compose(order, NotificationKind.Delayed, now));
            db.OrderEvents.Add(new OrderEvent { OrderId = order.Id, Kind = OrderEventKind.Notified, Detail = nameof(NotificationKind.Delayed), ByName = Actor.System.Name, AtUtc = now });
        }
        await db.SaveChangesAsync(ct);
        return late.Count;
    }

    private static List<FieldError> CheckUnits(Order order, List<LineQuantity> units, Func<OrderLine, int> open)
    {
        var errors = new List<FieldError>();
        if (units.Count == 0)
        {
            errors.Add(new FieldError("Lines", "NothingToShip"));
        }
        for (var i = 0; i < units.Count; i++)
        {
            var line = order.Lines.FirstOrDefault(l => l.Id == units[i].OrderLineId);
            if (line is null)
            {
                errors.Add(new FieldError($"lines[{i}]", "LineUnknown"));
            }
            else if (units[i].Quantity < 0 || units[i].Quantity > open(line) || units.Count(u => u.OrderLineId == line.Id) > 1)
            {
                errors.Add(new FieldError($"lines[{i}].quantity", "QuantityOutOfRange"));
            }
        }
        return errors;
    }

    private Task<Outcome<long>> StepAsync(Actor actor, int orderId, long version, ShippingStatus from, ShippingStatus to, OrderEventKind kind, CancellationToken ct) =>
        ChangeAsync(actor, orderId, version, ct, (_, order, now) =>
        {
            if (order.Status != OrderStatus.Accepted || order.ShippingStatus != from)
            {
                return Errors("Status", $"Not{from}");
            }
            order.ShippingStatus = to;
            order.Events.Add(new OrderEvent { Kind = kind, ByName = actor.Name, AtUtc = now });
            return Ok();
        });

    /// <summary>The change, run again from its start while the database is busy (<see cref="WriteRetry"/>).</summary>
    private Task<Outcome<long>> ChangeAsync(Actor actor, int orderId, long version, CancellationToken ct, Func<OpsDb, Order, DateTime, Task<List<FieldError>>> change) =>
        WriteRetry.RunAsync(() => ChangeOnceAsync(actor, orderId, version, ct, change), ct);

    private async Task<Outcome<long>> ChangeOnceAsync(Actor actor, int orderId, long version, CancellationToken ct, Func<OpsDb, Order, DateTime, Task<List<FieldError>>> change)
    {
        if (!actor.May(Permissions.WorkOrders))
        {
            return Outcome<long>.Invalid([Actor.NotPermitted]);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await db.Orders.Include(o => o.Lines).Include(o => o.Holds).Include(o => o.Shipments)
            .AsSplitQuery().FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return Outcome<long>.NotFound();
        }
        if (order.Version != version)
        {
            return Outcome<long>.Conflict();
        }
        var errors = await change(db, order, now);
        if (errors.Count > 0)
        {
            // Disposing the transaction uncommitted drops whatever the ledger wrote on the way.
            return Outcome<long>.Invalid(errors);
        }
        order.UpdatedAtUtc = now;
        // The order row itself always changes, so its version goes up and the board hears of every step.
        db.Entry(order).Property(o => o.UpdatedAtUtc).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<long>.Conflict();
        }
        await transaction.CommitAsync(ct);
        return Outcome<long>.Done(order.Version);
    }

    private static Task<List<FieldError>> Errors(string field, string code) => Task.FromResult(new List<FieldError> { new(field, code) });

    private static Task<List<FieldError>> Ok() => Task.FromResult(new List<FieldError>());

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
