using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Orders;

/// <summary>What became of one order sent in: the order it is now, and whether this request created it.</summary>
public sealed record IntakeResult(int OrderId, string Number, string PlatformOrderId, OrderStatus Status, bool Created);

/// <summary>
/// Takes orders in from a channel (the API, an export import): checks them all, writes the new ones in one
/// transaction, and gives each its first review at once: accepted with stock reserved, or on hold with its reasons.
/// Sending an order again (same channel, same platform order id) changes nothing and answers with the order as it is.
/// </summary>
public sealed class OrderIntake(IDbContextFactory<OpsDb> dbFactory, OrderFirstReview review, Inventory.StockLedger ledger, TimeProvider clock)
{
    /// <summary>
    /// How many orders are reviewed and saved per step of a large intake (and per progress report). Small, because
    /// each reservation saves the context and every save walks all tracked entities: work grows with its square.
    /// </summary>
    private const int Chunk = 25;

    /// <param name="progress">Told how many of the drafts have been taken in so far (for the import's progress bar).</param>
    public async Task<Outcome<IReadOnlyList<IntakeResult>>> TakeInAsync(
        Actor actor, int channelId, IReadOnlyList<OrderDraft> drafts, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        // A channel's API key (an actor without roles) was checked at the door; a person must work orders.
        if (!actor.May(Org.Permissions.WorkOrders))
        {
            return Outcome<IReadOnlyList<IntakeResult>>.Invalid([Actor.NotPermitted]);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new List<FieldError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        if (drafts.Count == 0)
        {
            errors.Add(new FieldError("orders", "NoOrders"));
        }
        for (var i = 0; i < drafts.Count; i++)
        {
            errors.AddRange(OrderRules.Check(drafts[i], now).Select(e => e with { Field = $"orders[{i}].{e.Field}" }));
            var id = drafts[i].PlatformOrderId?.Trim() ?? "";
            if (id.Length > 0 && !seen.TryAdd(id, i))
            {
                errors.Add(new FieldError($"orders[{i}].platformOrderId", "DuplicateOrderId"));
            }
        }
        if (errors.Count > 0)
        {
            return Outcome<IReadOnlyList<IntakeResult>>.Invalid(errors);
        }

        // Channel and SKUs are read and checked before the write lock is taken: a file of bad rows never holds up
        // other writers, and the write transaction below does only what must be atomic.
        Dictionary<string, (int Id, long ListPriceCents, string Name, bool Active)> skus;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            var channel = await read.SalesChannels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, ct);
            if (channel is null || !channel.Active)
            {
                return Outcome<IReadOnlyList<IntakeResult>>.Invalid([new FieldError("channel", "ChannelUnknown")]);
            }
            skus = await OrderStock.SkusAsync(read, drafts.SelectMany(d => d.Lines).Select(l => l.SkuCode), ct);
        }
        for (var i = 0; i < drafts.Count; i++)
        {
            for (var j = 0; j < drafts[i].Lines.Count; j++)
            {
                if (!skus.TryGetValue(drafts[i].Lines[j].SkuCode.Trim(), out var sku) || !sku.Active)
                {
                    errors.Add(new FieldError($"orders[{i}].lines[{j}].sku", "UnknownSku"));
                }
            }
        }
        if (errors.Count > 0)
        {
            return Outcome<IReadOnlyList<IntakeResult>>.Invalid(errors);
        }
        return await WriteRetry.RunAsync(() => WriteAsync(actor, channelId, drafts, seen, skus, now, progress, ct), ct);
    }

    private async Task<Outcome<IReadOnlyList<IntakeResult>>> WriteAsync(Actor actor, int channelId, IReadOnlyList<OrderDraft> drafts,
        Dictionary<string, int> seen, Dictionary<string, (int Id, long ListPriceCents, string Name, bool Active)> skus, DateTime now,
        IProgress<int>? progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        // The write transaction is opened before the duplicates are looked up: SQLite takes the write lock at BEGIN
        // IMMEDIATE, so concurrent intakes run one after another and the "already taken in?" answer cannot go stale.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existing = new Dictionary<string, IntakeResult>(StringComparer.Ordinal);
        foreach (var chunk in seen.Keys.Chunk(500))
        {
            var found = await db.Orders.AsNoTracking().Where(o => o.ChannelId == channelId && chunk.Contains(o.PlatformOrderId))
                .Select(o => new { o.Id, o.PlatformOrderId, o.Status }).ToListAsync(ct);
            foreach (var o in found)
            {
                existing[o.PlatformOrderId] = new IntakeResult(o.Id, $"O{o.Id:D7}", o.PlatformOrderId, o.Status, Created: false);
            }
        }

        var results = new IntakeResult?[drafts.Count];
        var fresh = new List<(int Index, Order Order)>();
        for (var i = 0; i < drafts.Count; i++)
        {
            if (existing.TryGetValue(drafts[i].PlatformOrderId.Trim(), out var known))
            {
                results[i] = known;
            }
            else
            {
                fresh.Add((i, NewOrder(channelId, drafts[i], skus, actor, now)));
            }
        }
        progress?.Report(drafts.Count - fresh.Count);
        var done = drafts.Count - fresh.Count;
        var listPrices = skus.Values.ToDictionary(s => s.Id, s => s.ListPriceCents);
        // The batch's reservations re-evaluate each SKU's alerts once, at the end, in this transaction.
        db.DeferredStockWatch = [];
        foreach (var chunk in fresh.Chunk(Chunk))
        {
            db.Orders.AddRange(chunk.Select(c => c.Order));
            await db.SaveChangesAsync(ct);
            foreach (var (index, order) in chunk)
            {
                await review.ReviewAsync(db, order, listPrices, actor, now, ct);
                results[index] = new IntakeResult(order.Id, order.Number, order.PlatformOrderId, order.Status, Created: true);
            }
            await db.SaveChangesAsync(ct);
            // Saved rows stay tracked otherwise, and every later save would walk them all again.
            db.ChangeTracker.Clear();
            done += chunk.Length;
            progress?.Report(done);
        }
        await ledger.EvaluateDeferredAsync(db, ct);
        await transaction.CommitAsync(ct);
        return Outcome<IReadOnlyList<IntakeResult>>.Done([.. results.Select(r => r!)]);
    }

    private static Order NewOrder(int channelId, OrderDraft draft, Dictionary<string, (int Id, long ListPriceCents, string Name, bool Active)> skus, Actor actor, DateTime now)
    {
        var order = new Order
        {
            ChannelId = channelId,
            PlatformOrderId = draft.PlatformOrderId.Trim(),
            CustomerName = draft.CustomerName?.Trim() ?? "",
            CustomerPhone = draft.CustomerPhone?.Trim() ?? "",
            ShippingAddress = draft.ShippingAddress?.Trim() ?? "",
            CustomerLanguage = string.IsNullOrWhiteSpace(draft.CustomerLanguage) ? "zh-Hans" : draft.CustomerLanguage,
            BuyerNote = string.IsNullOrWhiteSpace(draft.BuyerNote) ? null : draft.BuyerNote.Trim(),
            ShippingFeeCents = draft.ShippingFeeCents,
            PlacedAtUtc = draft.PlacedAtUtc,
            PaidAtUtc = draft.PaidAtUtc,
            PaymentStatus = draft.PaidAtUtc is null ? PaymentStatus.Unpaid : PaymentStatus.Paid,
            Status = OrderStatus.AwaitingReview,
            ShippingStatus = ShippingStatus.NotAssigned,
            ReceivedAtUtc = now,
            UpdatedAtUtc = now,
            Lines = [.. draft.Lines.Select(l =>
            {
                var sku = skus[l.SkuCode.Trim()];
                return new OrderLine
                {
                    SkuId = sku.Id,
                    SkuCode = l.SkuCode.Trim(),
                    Title = string.IsNullOrWhiteSpace(l.Title) ? sku.Name : l.Title.Trim(),
                    Quantity = l.Quantity,
                    UnitPriceCents = l.UnitPriceCents,
                    DiscountCents = l.DiscountCents,
                };
            })],
        };
        order.Lines.ForEach(l => l.Title = l.Title.Length > 200 ? l.Title[..200] : l.Title);
        OrderRules.Totals(order);
        order.Events.Add(new OrderEvent { Kind = OrderEventKind.Received, ByName = actor.Name, AtUtc = now });
        return order;
    }
}
