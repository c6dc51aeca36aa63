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
