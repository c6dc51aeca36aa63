using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Orders;

/// <summary>An order already stored, as the duplicate check of a batch compares it: its customer, time and items.</summary>
public sealed record StoredOrder(int Id, string CustomerPhone, string CustomerName, DateTime PlacedAtUtc, string ItemsSignature, long Version);

/// <summary>
/// The first review of new orders: gathers what the pure rules of <see cref="OrderReview"/> look at, judges each order
/// with them, and then accepts it (with its stock reserved) or puts it on hold. A batch is judged in memory, order after
/// order, against the stored orders of its customers read once and the batch's own earlier orders, exactly as if each
/// had been saved and reviewed in turn.
/// </summary>
public sealed class OrderFirstReview(OrderSettings settings, ShipByPolicy shipBy, OrderStock stock)
{
    /// <summary>The earlier orders the rule compares with (the latest first), as in one order's review.</summary>
    private const int ComparedOrders = 20;

    /// <summary>Marks a twin earlier in the same batch, whose number is known only once it is saved.</summary>
    private const string BatchTwinPrefix = "batch#";

    /// <summary>The stored, not cancelled orders of the given orders' customers around their times, for <see cref="Review"/>.</summary>
    public async Task<List<StoredOrder>> StoredOrdersOfCustomersAsync(OpsDb db, IReadOnlyList<Order> orders, CancellationToken ct)
    {
        var found = new List<StoredOrder>();
        var withPhone = orders.Where(o => !string.IsNullOrWhiteSpace(o.CustomerPhone)).ToList();
        if (!settings.Duplicate.Enabled || withPhone.Count == 0)
        {
            return found;
        }
        var window = TimeSpan.FromMinutes(settings.Duplicate.WindowMinutes);
        var (from, to) = (withPhone.Min(o => o.PlacedAtUtc) - window, withPhone.Max(o => o.PlacedAtUtc) + window);
        foreach (var phones in withPhone.Select(o => o.CustomerPhone).Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var rows = await db.Orders.AsNoTracking()
                .Where(o => phones.Contains(o.CustomerPhone) && o.Status != OrderStatus.Cancelled && o.PlacedAtUtc >= from && o.PlacedAtUtc <= to)
                .Select(o => new { o.Id, o.CustomerPhone, o.CustomerName, o.PlacedAtUtc, o.Version, Lines = o.Lines.Select(l => new { l.SkuId, l.Quantity }).ToList() })
                .ToListAsync(ct);
            found.AddRange(rows.Select(r => new StoredOrder(r.Id, r.CustomerPhone, r.CustomerName, r.PlacedAtUtc,
                OrderReview.ItemsSignature(r.Lines.Select(l => new OrderLine { SkuId = l.SkuId, Quantity = l.Quantity, SkuCode = "", Title = "" })), r.Version)));
        }
        return found;
    }

    /// <summary>
    /// Judges new orders by every rule but stock, in their order: each is compared with the stored orders and with the
    /// batch's orders before it (which are newer than any stored one). A twin earlier in the batch is named by
    /// <see cref="TwinInBatch"/> until it has a number. Reads nothing; the orders are not changed.
    /// </summary>
    /// <param name="campaignPrices">Per order (same index), the unit prices its campaign explains (null: none).</param>
    public List<List<ReviewFinding>> Review(IReadOnlyList<Order> orders, IReadOnlyList<StoredOrder> stored, IReadOnlyDictionary<int, long> listPrices,
        IReadOnlyList<IReadOnlyDictionary<int, long>?>? campaignPrices = null)
    {
        var window = TimeSpan.FromMinutes(settings.Duplicate.WindowMinutes);
        var storedOf = stored.ToLookup(s => (s.CustomerPhone, s.CustomerName));
        var earlierOf = new Dictionary<(string, string), List<(int Index, Order Order)>>();
        var findings = new List<List<ReviewFinding>>(orders.Count);
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            List<RecentOrder> recent = [];
            if (settings.Duplicate.Enabled && !string.IsNullOrWhiteSpace(order.CustomerPhone))
            {
                var customer = (order.CustomerPhone, order.CustomerName);
                var (from, to) = (order.PlacedAtUtc - window, order.PlacedAtUtc + window);
                var earlier = earlierOf.TryGetValue(customer, out var list) ? list : [];
                recent = [.. earlier.AsEnumerable().Reverse()
                    .Where(e => e.Order.PlacedAtUtc >= from && e.Order.PlacedAtUtc <= to)
                    .Select(e => new RecentOrder(BatchTwinPrefix + e.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), OrderReview.ItemsSignature(e.Order.Lines), e.Order.PlacedAtUtc))
                    .Concat(storedOf[customer].Where(s => s.PlacedAtUtc >= from && s.PlacedAtUtc <= to).OrderByDescending(s => s.Id)
                        .Select(s => new RecentOrder(Order.NumberOf(s.Id), s.ItemsSignature, s.PlacedAtUtc)))
                    .Take(ComparedOrders)];
                earlierOf.TryAdd(customer, earlier);
                earlier.Add((i, order));
            }
            var input = new ReviewInput(order, listPrices, recent);
            if (campaignPrices?[i] is { } explained)
            {
                input = input with { CampaignUnitCents = explained };
            }
            findings.Add([.. OrderReview.Review(input, settings)]);
        }
        return findings;
    }

    /// <summary>The index in the batch of the earlier order a finding names as the twin, if it is one of the batch's.</summary>
    public static int? TwinInBatch(HoldReason reason, string? detail) =>
        reason == HoldReason.PossibleDuplicate && detail is not null && detail.StartsWith(BatchTwinPrefix, StringComparison.Ordinal)
            ? int.Parse(detail.AsSpan(BatchTwinPrefix.Length), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>
    /// Decides new orders, in the caller's write transaction, from their findings (<see cref="Review"/>): those without
    /// any are reserved where <see cref="OrderStock.PlanAsync"/> finds their stock, else held out of stock (or accepted
    /// as a backorder when the stock rule is off); the others are held with their reasons. Nothing is saved; the
    /// accepted orders' reservations and customer notices are written once they have ids (<see cref="Accepted"/>).
    /// </summary>
    public async Task DecideAsync(OpsDb db, IReadOnlyList<Order> orders, IReadOnlyList<List<ReviewFinding>> findings,
        Actor actor, DateTime now, CancellationToken ct)
    {
        var clean = Enumerable.Range(0, orders.Count).Where(i => findings[i].Count == 0).ToList();
        var plans = await stock.PlanAsync(db, [.. clean.Select(i => orders[i])], ct);
        var stockFindings = new Dictionary<int, ReviewFinding>();
        for (var k = 0; k < clean.Count; k++)
        {
            var order = orders[clean[k]];
            if (plans[k].WarehouseId is { } warehouse)
            {
                order.WarehouseId = warehouse;
                order.StockReserved = true;
            }
            else if (OrderReview.StockFinding(plans[k].Shortages, settings) is { } outOfStock)
            {
                stockFindings[clean[k]] = outOfStock;
            }
        }
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            order.ShipByUtc = shipBy.ShipBy(order.PaidAtUtc);
            List<ReviewFinding> all = stockFindings.TryGetValue(i, out var outOfStock) ? [.. findings[i], outOfStock] : findings[i];
            if (all.Count > 0)
            {
                Hold(order, all, actor, now);
            }
            else
            {
                MarkAccepted(order, actor, now);
            }
        }
    }

    /// <summary>The customer notices of just-saved orders that <see cref="DecideAsync"/> accepted.</summary>
    public static IEnumerable<OutboxMessage> Accepted(IEnumerable<Order> orders, DateTime now) =>
        orders.Where(o => o.Status == OrderStatus.Accepted).Select(o => OrderNotices.Compose(o, NotificationKind.Accepted, now));

    public static void Hold(Order order, IEnumerable<ReviewFinding> findings, Actor actor, DateTime now)
    {
        order.Status = OrderStatus.OnHold;
        order.HeldSinceUtc ??= now;
        order.UpdatedAtUtc = now;
        foreach (var finding in findings)
        {
            order.Holds.Add(new OrderHold { Reason = finding.Reason, Detail = Clip(finding.Detail, 400), RaisedAtUtc = now });
        }
        order.Events.Add(new OrderEvent
        {
            Kind = OrderEventKind.Held,
            Detail = string.Join(", ", findings.Select(f => f.Reason)),
            ByName = actor.Name,
            AtUtc = now,
        });
    }

    /// <summary>Accepted: reserved when <see cref="Order.StockReserved"/>, otherwise a backorder reserved at assignment.</summary>
    public static void Accept(OpsDb db, Order order, Actor actor, DateTime now)
    {
        MarkAccepted(order, actor, now);
        db.OutboxMessages.Add(OrderNotices.Compose(order, NotificationKind.Accepted, now));
    }

    private static void MarkAccepted(Order order, Actor actor, DateTime now)
    {
        order.Status = OrderStatus.Accepted;
        order.HeldSinceUtc = null;
        order.UpdatedAtUtc = now;
        order.Events.Add(new OrderEvent { Kind = OrderEventKind.Accepted, Detail = order.StockReserved ? null : "backorder", ByName = actor.Name, AtUtc = now });
    }

    private static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
