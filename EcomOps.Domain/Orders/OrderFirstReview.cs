using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Orders;

/// <summary>
/// Runs the first review on a just-saved order inside the caller's transaction: gathers what the pure rules of
/// <see cref="OrderReview"/> look at, then accepts the order and reserves its stock, or puts it on hold.
/// </summary>
public sealed class OrderFirstReview(OrderSettings settings, ShipByPolicy shipBy, OrderStock stock)
{
    public async Task ReviewAsync(OpsDb db, Order order, IReadOnlyDictionary<int, long> listPrices, Actor actor, DateTime now, CancellationToken ct)
    {
        order.ShipByUtc = shipBy.ShipBy(order.PaidAtUtc);
        var recent = settings.Duplicate.Enabled ? await RecentOrdersAsync(db, order, ct) : [];
        var findings = OrderReview.Review(new ReviewInput(order, listPrices, recent), settings).ToList();
        if (findings.Count == 0)
        {
            var shortages = await stock.ReserveAsync(db, order, null, actor.Name, ct);
            if (OrderReview.StockFinding(shortages, settings) is { } outOfStock)
            {
                findings.Add(outOfStock);
            }
        }
        if (findings.Count > 0)
        {
            Hold(order, findings, actor, now);
        }
        else
        {
            Accept(db, order, actor, now);
        }
    }

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
        order.Status = OrderStatus.Accepted;
        order.HeldSinceUtc = null;
        order.UpdatedAtUtc = now;
        order.Events.Add(new OrderEvent { Kind = OrderEventKind.Accepted, Detail = order.StockReserved ? null : "backorder", ByName = actor.Name, AtUtc = now });
        db.OutboxMessages.Add(OrderNotices.Compose(order, NotificationKind.Accepted, now));
    }

    private async Task<List<RecentOrder>> RecentOrdersAsync(OpsDb db, Order order, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(order.CustomerPhone))
        {
            return [];
        }
        var window = TimeSpan.FromMinutes(settings.Duplicate.WindowMinutes);
        var (from, to) = (order.PlacedAtUtc - window, order.PlacedAtUtc + window);
        var twins = await db.Orders.AsNoTracking()
            .Where(o => o.CustomerPhone == order.CustomerPhone && o.CustomerName == order.CustomerName && o.Id < order.Id
                && o.Status != OrderStatus.Cancelled && o.PlacedAtUtc >= from && o.PlacedAtUtc <= to)
            .Select(o => new { o.Id, o.PlacedAtUtc, Lines = o.Lines.Select(l => new { l.SkuId, l.Quantity }).ToList() })
            .OrderByDescending(o => o.Id).Take(20).ToListAsync(ct);
        return [.. twins.Select(t => new RecentOrder($"O{t.Id:D7}",
            OrderReview.ItemsSignature(t.Lines.Select(l => new OrderLine { SkuId = l.SkuId, Quantity = l.Quantity, SkuCode = "", Title = "" })), t.PlacedAtUtc))];
    }

    private static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
