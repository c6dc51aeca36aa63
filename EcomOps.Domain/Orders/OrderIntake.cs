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
public sealed class OrderIntake(IDbContextFactory<OpsDb> dbFactory, OrderFirstReview review, OrderStock stock, Inventory.StockLedger ledger, ChangeCapture capture, TimeProvider clock)
{
    /// <summary>
    /// How many orders are written per step of a large intake (and per progress report): the step's orders, their
    /// lines, events, holds and notices, and their reservations.
    /// </summary>
    private const int Chunk = 500;

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

        // Everything that can be read and judged is, before the write turn: channel and SKUs, the orders already stored,
        // and the first review of the new ones against their customers' stored orders. A file of bad rows never holds up
        // other writers, and the write transaction below only re-checks what arrived meanwhile and writes.
        IntakeView view;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            var channel = await read.SalesChannels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, ct);
            if (channel is null || !channel.Active)
            {
                return Outcome<IReadOnlyList<IntakeResult>>.Invalid([new FieldError("channel", "ChannelUnknown")]);
            }
            var skus = await OrderStock.SkusAsync(read, drafts.SelectMany(d => d.Lines).Select(l => l.SkuCode), ct);
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
            var campaigns = await Campaigns.CampaignQueries.PricingTermsAsync(read, channelId, drafts.Min(d => d.PlacedAtUtc), drafts.Max(d => d.PlacedAtUtc), ct);
            view = await ReadViewAsync(read, new Batch(channelId, drafts, skus, actor, now, campaigns), ct);
        }
        return await WriteRetry.RunAsync(() => WriteAsync(view, progress, ct), ct);
    }

    /// <summary>What one intake request carries, checked.</summary>
    private sealed record Batch(int ChannelId, IReadOnlyList<OrderDraft> Drafts, Dictionary<string, (int Id, long ListPriceCents, string Name, bool Active)> Skus, Actor Actor, DateTime Now,
        IReadOnlyList<Campaigns.CampaignTerms> Campaigns);

    /// <summary>
    /// A batch as the database showed it: the drafts already stored (by platform order id), the new ones (their indexes,
    /// in order) with their review findings, and what the review compared them with. <see cref="LastOrderId"/> was read
    /// first: an order stored later has a higher id (SQLite assigns them one writer at a time).
    /// </summary>
    private sealed record IntakeView(Batch Batch, int LastOrderId, Dictionary<string, (int Id, OrderStatus Status, long Version)> Existing,
        List<int> Fresh, List<List<ReviewFinding>> Findings, List<StoredOrder> Stored);

    private async Task<IntakeView> ReadViewAsync(OpsDb db, Batch batch, CancellationToken ct)
    {
        var last = await db.Orders.MaxAsync(o => (int?)o.Id, ct) ?? 0;
        var existing = new Dictionary<string, (int, OrderStatus, long)>(StringComparer.Ordinal);
        foreach (var chunk in batch.Drafts.Select(d => d.PlatformOrderId.Trim()).Chunk(500))
        {
            var found = await db.Orders.AsNoTracking().Where(o => o.ChannelId == batch.ChannelId && chunk.Contains(o.PlatformOrderId))
                .Select(o => new { o.Id, o.PlatformOrderId, o.Status, o.Version }).ToListAsync(ct);
            foreach (var o in found)
            {
                existing[o.PlatformOrderId] = (o.Id, o.Status, o.Version);
            }
        }
        var fresh = Enumerable.Range(0, batch.Drafts.Count).Where(i => !existing.ContainsKey(batch.Drafts[i].PlatformOrderId.Trim())).ToList();
        var orders = fresh.Select(i => NewOrder(batch, batch.Drafts[i])).ToList();
        var stored = await review.StoredOrdersOfCustomersAsync(db, orders, ct);
        var listPrices = ListPrices(batch);
        var findings = review.Review(orders, stored, listPrices, [.. orders.Select(o => CampaignPrices(batch, o, listPrices))]);
        return new IntakeView(batch, last, existing, fresh, findings, stored);
    }

    /// <summary>
    /// Whether the view may be stale, read in the write transaction: an order stored since with one of the batch's
    /// platform order ids or customers' phones, or a change to an order the view answered with or compared with.
    /// </summary>
    private static async Task<bool> ChangedSinceAsync(OpsDb db, IntakeView view, CancellationToken ct)
    {
        var batch = view.Batch;
        var arrived = await db.Orders.AsNoTracking().Where(o => o.Id > view.LastOrderId)
            .Select(o => new { o.ChannelId, o.PlatformOrderId, o.CustomerPhone }).ToListAsync(ct);
        if (arrived.Count > 0)
        {
            var ids = batch.Drafts.Select(d => d.PlatformOrderId.Trim()).ToHashSet(StringComparer.Ordinal);
            var phones = view.Fresh.Select(i => batch.Drafts[i].CustomerPhone?.Trim() ?? "").ToHashSet(StringComparer.Ordinal);
            if (arrived.Any(a => (a.ChannelId == batch.ChannelId && ids.Contains(a.PlatformOrderId)) || phones.Contains(a.CustomerPhone)))
            {
                return true;
            }
        }
        var seen = view.Existing.Values.Select(e => (e.Id, e.Version)).Concat(view.Stored.Select(s => (s.Id, s.Version))).Distinct().ToList();
        foreach (var chunk in seen.Chunk(500))
        {
            var ids = chunk.Select(c => c.Id).ToList();
            var now = await db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Version }).ToListAsync(ct);
            if (now.Count != chunk.Length || now.Any(o => !chunk.Contains((o.Id, o.Version))))
            {
                return true;
            }
        }
        return false;
    }

    private async Task<Outcome<IReadOnlyList<IntakeResult>>> WriteAsync(IntakeView view, IProgress<int>? progress, CancellationToken ct)
    {
        var (actor, now) = (view.Batch.Actor, view.Batch.Now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        // SQLite takes the write lock at BEGIN IMMEDIATE: from here no other writer moves what is re-checked below.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await ChangedSinceAsync(db, view, ct))
        {
            view = await ReadViewAsync(db, view.Batch, ct);
        }
        var batch = view.Batch;
        var results = new IntakeResult?[batch.Drafts.Count];
        for (var i = 0; i < batch.Drafts.Count; i++)
        {
            var platformOrderId = batch.Drafts[i].PlatformOrderId.Trim();
            if (view.Existing.TryGetValue(platformOrderId, out var known))
            {
                results[i] = new IntakeResult(known.Id, Order.NumberOf(known.Id), platformOrderId, known.Status, Created: false);
            }
        }
        // New entities on every attempt: a retried write must not carry ids or state from a rolled-back one.
        var orders = view.Fresh.Select(i => NewOrder(batch, batch.Drafts[i])).ToList();
        await review.DecideAsync(db, orders, view.Findings, actor, now, ct);
        var done = batch.Drafts.Count - orders.Count;
        progress?.Report(done);
        // The batch's reservations re-evaluate each SKU's alerts once, at the end, in this transaction.
        db.DeferredStockWatch = [];
        for (var start = 0; start < orders.Count; start += Chunk)
        {
            var chunk = orders.GetRange(start, Math.Min(Chunk, orders.Count - start));
            // New rows only, so no change tracking: each table's rows go in through one prepared command, and the
            // orders' live changes are published on commit as a save's would be.
            capture.Insert(db, chunk);
            foreach (var order in chunk)
            {
                order.Lines.ForEach(l => l.OrderId = order.Id);
                order.Events.ForEach(e => e.OrderId = order.Id);
                foreach (var hold in order.Holds)
                {
                    hold.OrderId = order.Id;
                    if (OrderFirstReview.TwinInBatch(hold.Reason, hold.Detail) is { } twin)
                    {
                        hold.Detail = orders[twin].Number;
                    }
                }
            }
            capture.Insert(db, [.. chunk.SelectMany(o => o.Lines)]);
            capture.Insert(db, [.. chunk.SelectMany(o => o.Events)]);
            capture.Insert(db, [.. chunk.SelectMany(o => o.Holds)]);
            capture.Insert(db, [.. OrderFirstReview.Accepted(chunk, now)]);
            await stock.ReserveAllAsync(db, [.. chunk.Where(o => o.StockReserved)], ct);
            for (var k = 0; k < chunk.Count; k++)
            {
                var order = chunk[k];
                results[view.Fresh[start + k]] = new IntakeResult(order.Id, order.Number, order.PlatformOrderId, order.Status, Created: true);
            }
            done += chunk.Count;
            progress?.Report(done);
        }
        await ledger.EvaluateDeferredAsync(db, ct);
        await transaction.CommitAsync(ct);
        return Outcome<IReadOnlyList<IntakeResult>>.Done([.. results.Select(r => r!)]);
    }

    /// <summary>The unit prices the order's campaign explains (null when it has none or the campaign changes no price).</summary>
    private static IReadOnlyDictionary<int, long>? CampaignPrices(Batch batch, Order order, IReadOnlyDictionary<int, long> listPrices)
    {
        var terms = batch.Campaigns.FirstOrDefault(c => c.Id == order.CampaignId);
        return terms is null ? null
            : Campaigns.CampaignAttribution.ExplainedUnitPrices(terms, order, listPrices, byCode: string.Equals(terms.Code, order.PromotionCode, StringComparison.OrdinalIgnoreCase));
    }

    private static Dictionary<int, long> ListPrices(Batch batch) =>
        batch.Skus.Values.DistinctBy(s => s.Id).ToDictionary(s => s.Id, s => s.ListPriceCents);

    private static Order NewOrder(Batch batch, OrderDraft draft)
    {
        var (skus, actor, now) = (batch.Skus, batch.Actor, batch.Now);
        var order = new Order
        {
            ChannelId = batch.ChannelId,
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
        order.PromotionCode = string.IsNullOrWhiteSpace(draft.PromotionCode) ? null : draft.PromotionCode.Trim();
        order.CampaignId = Campaigns.CampaignAttribution.Attribute(batch.Campaigns, batch.ChannelId, order.PromotionCode, order.PlacedAtUtc,
            [.. order.Lines.Select(l => l.SkuId)])?.Id;
        OrderRules.Totals(order);
        order.Events.Add(new OrderEvent { Kind = OrderEventKind.Received, ByName = actor.Name, AtUtc = now });
        return order;
    }
}
