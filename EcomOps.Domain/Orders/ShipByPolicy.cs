using EcomOps.Domain.Data;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Orders;

public enum PromiseState
{
    OnTrack,
    AtRisk,
    Late,
}

/// <summary>
/// The shipping promise: an order must leave the warehouse within the configured hours after payment, counted either
/// around the clock or on working days only (weekends and public holidays of the company calendar do not count).
/// </summary>
/// <remarks>
/// Business-day counting asks the calendar only whether a date is worked, and then counts the whole day: the promise
/// is "24 hours on working days", and the warehouse's working days count round the clock (the company calendar is
/// open all day Monday to Friday). Counting a dated exception's own hours instead would make an extended day
/// (08:00–23:59) shorter than an ordinary one, so the company calendar takes holidays and make-up workdays only.
/// </remarks>
public sealed class ShipByPolicy(OrderSettings settings, Func<BusinessCalendar> calendar)
{
    /// <summary>A promise over a fixed calendar (tests, examples); the console's follows the stored company calendar.</summary>
    public ShipByPolicy(OrderSettings settings, BusinessCalendar calendar)
        : this(settings, () => calendar)
    {
    }

    public DateTime? ShipBy(DateTime? paidAtUtc)
    {
        if (paidAtUtc is not { } paid)
        {
            return null;
        }
        var hours = TimeSpan.FromHours(settings.ShipBy.Hours);
        if (!settings.ShipBy.BusinessDays)
        {
            return paid + hours;
        }
        var days = calendar();
        var cursor = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(paid, DateTimeKind.Utc), days.Zone);
        var remaining = hours;
        while (remaining > TimeSpan.Zero)
        {
            var nextMidnight = cursor.Date.AddDays(1);
            if (days.IsWorkingDay(DateOnly.FromDateTime(cursor)))
            {
                var take = Min(remaining, nextMidnight - cursor);
                cursor += take;
                remaining -= take;
            }
            else
            {
                cursor = nextMidnight;
            }
        }
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(cursor, DateTimeKind.Unspecified), days.Zone);
    }

    /// <summary>Where an unshipped order stands against its ship-by time (shipped or unpaid orders are on track).</summary>
    public PromiseState State(DateTime? shipByUtc, DateTime nowUtc) =>
        shipByUtc is not { } due ? PromiseState.OnTrack
        : nowUtc > due ? PromiseState.Late
        : nowUtc > due.AddHours(-settings.ShipBy.AtRiskHours) ? PromiseState.AtRisk
        : PromiseState.OnTrack;

    public TimeSpan AtRiskWindow => TimeSpan.FromHours(settings.ShipBy.AtRiskHours);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

/// <summary>
/// When the company calendar changes (a holiday added, a make-up workday removed), the ship-by time of every accepted
/// order that has not left yet is worked out again over the new calendar, so the board's late and at-risk counts and the
/// order list tell the truth; shipped orders keep the promise they were held to.
/// </summary>
public sealed class ShipByRecompute(IDbContextFactory<OpsDb> dbFactory, ShipByPolicy shipBy)
{
    private const int BatchSize = 500;

    /// <summary>Returns how many orders got a new ship-by time.</summary>
    public async Task<int> RecomputeOpenAsync(CancellationToken ct = default)
    {
        var moved = 0;
        var lastId = 0;
        while (true)
        {
            var (count, last) = await WriteRetry.RunOrThrowAsync(async () =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                db.Actor = Actor.System;
                var batch = await db.Orders
                    .Where(o => o.Id > lastId && o.Status == OrderStatus.Accepted && OrderQueries.Unshipped.Contains(o.ShippingStatus) && o.PaidAtUtc != null)
                    .OrderBy(o => o.Id).Take(BatchSize).ToListAsync(ct);
                var changed = 0;
                foreach (var order in batch)
                {
                    var due = shipBy.ShipBy(order.PaidAtUtc);
                    if (due != order.ShipByUtc)
                    {
                        order.ShipByUtc = due;
                        changed++;
                    }
                }
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Someone changed one of these orders meanwhile: read the batch again.
                    return (0, lastId);
                }
                return (changed, batch.Count == 0 ? -1 : batch[^1].Id);
            }, ct);
            if (last < 0)
            {
                return moved;
            }
            moved += count;
            lastId = last;
        }
    }
}
