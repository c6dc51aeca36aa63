using System.Globalization;
using EcomOps.Domain.Service;

namespace EcomOps.Domain.Analytics;

public enum PeriodKind
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Custom,
}

/// <summary>
/// A reporting period in the company's calendar: local days [Start, End). Weeks begin on Monday. The previous period
/// is the one just before of the same length; the same period last year is a year earlier (weeks: the week holding
/// that day).
/// </summary>
public sealed record ReportPeriod(PeriodKind Kind, DateOnly Start, DateOnly End)
{
    public static ReportPeriod Containing(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Day => new(kind, day, day.AddDays(1)),
        PeriodKind.Week => Week(day),
        PeriodKind.Month => new(kind, new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1)),
        PeriodKind.Quarter => Quarter(day),
        PeriodKind.Year => new(kind, new DateOnly(day.Year, 1, 1), new DateOnly(day.Year + 1, 1, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A custom period has explicit days."),
    };

    /// <summary>A custom period from its first to its last day, both included.</summary>
    public static ReportPeriod Custom(DateOnly first, DateOnly last) =>
        last < first ? Custom(last, first) : new(PeriodKind.Custom, first, last.AddDays(1));

    public int Days => End.DayNumber - Start.DayNumber;

    public DateOnly LastDay => End.AddDays(-1);

    public ReportPeriod Previous() => Kind == PeriodKind.Custom
        ? new(Kind, Start.AddDays(-Days), Start)
        : Containing(Kind, Start.AddDays(-1));

    public ReportPeriod SameLastYear() => Kind switch
    {
        PeriodKind.Custom or PeriodKind.Day => new(Kind, Start.AddYears(-1), End.AddYears(-1)),
        _ => Containing(Kind, Start.AddYears(-1)),
    };

    /// <summary>
    /// The stretch of <paramref name="baseline"/> to compare this period with, like for like: all of it once this
    /// period is over, but while this period runs only as much of the baseline as has elapsed of this one (November
    /// to the 27th at 21:00 against October to the 27th at 21:00, not against all of October).
    /// </summary>
    public MetricPeriod ComparableBaselineUtc(ReportPeriod baseline, TimeZoneInfo zone, DateTime nowUtc)
    {
        var current = ToUtc(zone);
        var whole = baseline.ToUtc(zone);
        if (nowUtc >= current.ToUtc || nowUtc <= current.FromUtc)
        {
            return whole;
        }
        var elapsed = nowUtc - current.FromUtc;
        return new MetricPeriod(whole.FromUtc, Min(whole.FromUtc + elapsed, whole.ToUtc));
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>Whether the period has not begun yet (nothing can have happened in it).</summary>
    public bool IsFuture(DateOnly today) => Start > today;

    public MetricPeriod ToUtc(TimeZoneInfo zone) => new(Utc(Start, zone), Utc(End, zone));

    /// <summary>The sub-periods a trend chart plots: days for up to two months, weeks up to half a year, else months.</summary>
    public IReadOnlyList<ReportPeriod> Buckets()
    {
        var kind = Days <= 62 ? PeriodKind.Day : Days <= 190 ? PeriodKind.Week : PeriodKind.Month;
        var buckets = new List<ReportPeriod>();
        for (var day = Start; day < End;)
        {
            var bucket = Containing(kind, day);
            var clipped = new ReportPeriod(kind, day, bucket.End < End ? bucket.End : End);
            buckets.Add(clipped);
            day = clipped.End;
        }
        return buckets;
    }

    /// <summary>A short stable label: 2026-10-05, 2026-W41, 2026-10, 2026-Q4, 2026, 2026-10-01~2026-10-15.</summary>
    public string Label => Kind switch
    {
        PeriodKind.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PeriodKind.Week => $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):00}",
        PeriodKind.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{Start.Year}-Q{(Start.Month - 1) / 3 + 1}",
        PeriodKind.Year => Start.Year.ToString(CultureInfo.InvariantCulture),
        _ => $"{Start:yyyy-MM-dd}~{LastDay:yyyy-MM-dd}",
    };

    /// <summary>"2026-10-01 – 2026-10-31": the days the period covers, both included.</summary>
    public string DayRange => $"{Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static ReportPeriod Week(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new(PeriodKind.Week, monday, monday.AddDays(7));
    }

    private static ReportPeriod Quarter(DateOnly day)
    {
        var start = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
        return new(PeriodKind.Quarter, start, start.AddMonths(3));
    }

    private static DateTime Utc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
}
