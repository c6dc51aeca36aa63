using EcomOps.Domain.Service.Sla;

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
public sealed class ShipByPolicy(OrderSettings settings, BusinessCalendar calendar)
{
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
        var cursor = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(paid, DateTimeKind.Utc), calendar.Zone);
        var remaining = hours;
        while (remaining > TimeSpan.Zero)
        {
            var nextMidnight = cursor.Date.AddDays(1);
            if (IsWorkingDay(DateOnly.FromDateTime(cursor)))
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
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(cursor, DateTimeKind.Unspecified), calendar.Zone);
    }

    /// <summary>Where an unshipped order stands against its ship-by time (shipped or unpaid orders are on track).</summary>
    public PromiseState State(DateTime? shipByUtc, DateTime nowUtc) =>
        shipByUtc is not { } due ? PromiseState.OnTrack
        : nowUtc > due ? PromiseState.Late
        : nowUtc > due.AddHours(-settings.ShipBy.AtRiskHours) ? PromiseState.AtRisk
        : PromiseState.OnTrack;

    public TimeSpan AtRiskWindow => TimeSpan.FromHours(settings.ShipBy.AtRiskHours);

    private bool IsWorkingDay(DateOnly date) =>
        calendar.MakeUpWorkdays.ContainsKey(date)
        || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !calendar.Holidays.Contains(date));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
