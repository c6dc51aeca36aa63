using System.Collections.Frozen;

namespace EcomOps.Domain.Service.Sla;

/// <summary>
/// When the service desk (or the warehouse) is open: weekly opening hours in wall-clock time of an IANA time zone,
/// holidays closed all day, make-up workdays open on a normally closed weekday, and dated hours that replace one date's
/// hours (an extended 11.11, a short day before a holiday). The console builds it from stored calendar days
/// (<see cref="Calendars.CalendarDays"/>); tests build it in memory. Every method takes and returns UTC instants; the
/// wall-clock reading happens inside, so a 09:00–17:00 day stays 8 open hours across a daylight-saving switch.
/// </summary>
public sealed partial class BusinessCalendar
{
    public BusinessCalendar(
        string timeZoneId,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningInterval>> weeklyHours,
        IEnumerable<DateOnly>? holidays = null,
        IEnumerable<MakeUpWorkday>? makeUpWorkdays = null,
        IEnumerable<DatedHours>? datedHours = null)
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        WeeklyHours = weeklyHours.ToFrozenDictionary(day => day.Key, day => Ordered(day.Key.ToString(), day.Value, nameof(weeklyHours)));
        Holidays = (holidays ?? []).ToFrozenSet();
        MakeUpWorkdays = (makeUpWorkdays ?? []).ToFrozenDictionary(day => day.Date, day => day.WorksAs);
        DatedHours = (datedHours ?? []).ToFrozenDictionary(day => day.Date, day => Ordered($"{day.Date:yyyy-MM-dd}", day.Hours, nameof(datedHours)));

        // Without a single opening interval no instant is ever open and NextOpening or Add would search forever.
        if (WeeklyHours.Values.All(hours => hours.Count == 0))
        {
            throw new ArgumentException("A business calendar needs opening hours on at least one weekday.", nameof(weeklyHours));
        }
        var clashes = Holidays.Where(MakeUpWorkdays.ContainsKey).Order().ToArray();
        if (clashes.Length > 0)
        {
            throw new ArgumentException($"{clashes[0]:yyyy-MM-dd} is both a holiday and a make-up workday.", nameof(makeUpWorkdays));
        }
        var twice = DatedHours.Keys.Where(date => Holidays.Contains(date) || MakeUpWorkdays.ContainsKey(date)).Order().ToArray();
        if (twice.Length > 0)
        {
            throw new ArgumentException($"{twice[0]:yyyy-MM-dd} has hours of its own and is also a holiday or a make-up workday.", nameof(datedHours));
        }
        foreach (var (date, worksAs) in MakeUpWorkdays)
        {
            if (HoursOf(worksAs).Count == 0)
            {
                throw new ArgumentException($"Make-up workday {date:yyyy-MM-dd} works as {worksAs}, which has no opening hours.", nameof(makeUpWorkdays));
            }
        }
    }

    public TimeZoneInfo Zone { get; }

    public IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningInterval>> WeeklyHours { get; }

    public IReadOnlySet<DateOnly> Holidays { get; }

    /// <summary>Each make-up workday with the weekday whose hours it uses.</summary>
    public IReadOnlyDictionary<DateOnly, DayOfWeek> MakeUpWorkdays { get; }

    /// <summary>Dates whose own hours replace their weekday's; an empty list closes the date.</summary>
    public IReadOnlyDictionary<DateOnly, IReadOnlyList<OpeningInterval>> DatedHours { get; }

    /// <summary>The same hours Monday to Friday, closed at weekends.</summary>
    public static BusinessCalendar Weekdays(
        string timeZoneId,
        IReadOnlyList<OpeningInterval> hours,
        IEnumerable<DateOnly>? holidays = null,
        IEnumerable<MakeUpWorkday>? makeUpWorkdays = null,
        IEnumerable<DatedHours>? datedHours = null) =>
        new(timeZoneId,
            new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .ToDictionary(day => day, _ => hours),
            holidays,
            makeUpWorkdays,
            datedHours);

    /// <summary>Open every instant: the calendar of calendar-hours targets, where elapsed time is plain elapsed time.</summary>
    public static BusinessCalendar AlwaysOpen(string timeZoneId) =>
        new(timeZoneId, Enum.GetValues<DayOfWeek>().ToDictionary(day => day, _ => (IReadOnlyList<OpeningInterval>)[OpeningInterval.AllDay]));

    public bool IsOpen(DateTime utc) => NextOpening(utc) == utc;

    /// <summary>Whether the date has any opening hours at all, whatever they are.</summary>
    public bool IsWorkingDay(DateOnly date) => HoursOn(date).Count > 0;

    /// <summary>The opening hours of one date, after its holiday, make-up workday or hours of its own.</summary>
    public IReadOnlyList<OpeningInterval> HoursOn(DateOnly date) =>
        DatedHours.TryGetValue(date, out var own) ? own
        : Holidays.Contains(date) ? []
        : MakeUpWorkdays.TryGetValue(date, out var worksAs) ? HoursOf(worksAs)
        : HoursOf(date.DayOfWeek);

    /// <summary>The first open instant at or after <paramref name="utc"/>: the same instant when open.</summary>
    public DateTime NextOpening(DateTime utc) => OpenPeriodsFrom(UtcInstant.Require(utc, nameof(utc))).First().Start;

    /// <summary>
    /// The earliest instant by which <paramref name="businessTime"/> of open time has passed since
    /// <paramref name="startUtc"/>; a start outside opening hours counts from the next opening.
    /// </summary>
    public DateTime Add(DateTime startUtc, TimeSpan businessTime)
    {
        UtcInstant.Require(startUtc, nameof(startUtc));
        ArgumentOutOfRangeException.ThrowIfLessThan(businessTime, TimeSpan.Zero);
        var left = businessTime;
        foreach (var (start, end) in OpenPeriodsFrom(startUtc))
        {
            if (left <= end - start)
            {
                return start + left;
            }
            left -= end - start;
        }
        throw new InvalidOperationException("The open periods of a business calendar never run out.");
    }

    /// <summary>The open time between two instants.</summary>
    public TimeSpan Between(DateTime fromUtc, DateTime toUtc)
    {
        UtcInstant.Require(fromUtc, nameof(fromUtc));
        UtcInstant.Require(toUtc, nameof(toUtc));
        if (toUtc < fromUtc)
        {
            throw new ArgumentException("The end of the span lies before its start.", nameof(toUtc));
        }
        var open = TimeSpan.Zero;
        foreach (var (start, end) in OpenPeriodsFrom(fromUtc))
        {
            if (start >= toUtc)
            {
                return open;
            }
            open += (end < toUtc ? end : toUtc) - start;
        }
        return open;
    }

    /// <summary>The open periods in UTC that end after <paramref name="utc"/>, the first one clipped to start no earlier than it.</summary>
    private IEnumerable<(DateTime Start, DateTime End)> OpenPeriodsFrom(DateTime utc)
    {
        // A period belongs to its local date; starting a day early catches the one that is running at the instant.
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Zone)).AddDays(-1);
        while (true)
        {
            foreach (var interval in HoursOn(date))
            {
                var midnight = date.ToDateTime(TimeOnly.MinValue);
                var start = ToUtc(midnight + interval.OpensAfterMidnight);
                var end = ToUtc(midnight + interval.ClosesAfterMidnight);
                if (end > utc && end > start)
                {
                    yield return (start > utc ? start : utc, end);
                }
            }
            date = date.AddDays(1);
        }
    }

    private IReadOnlyList<OpeningInterval> HoursOf(DayOfWeek day) => WeeklyHours.GetValueOrDefault(day) ?? [];

    /// <summary>
    /// Reads a wall-clock time of the zone as an instant the way java.time and NodaTime do: a time skipped when clocks
    /// spring forward is read with the offset before the jump (so it lands just after the gap, shifted by its length);
    /// a time that occurs twice when clocks fall back is its first occurrence.
    /// </summary>
    private DateTime ToUtc(DateTime local)
    {
        var offset = Zone.IsInvalidTime(local) ? Zone.GetUtcOffset(local.AddDays(-1))
            : Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max()
            : Zone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    private static IReadOnlyList<OpeningInterval> Ordered(string day, IReadOnlyList<OpeningInterval> hours, string paramName)
    {
        var ordered = hours.OrderBy(interval => interval.Opens).ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            if (ordered[i].OpensAfterMidnight < ordered[i - 1].ClosesAfterMidnight)
            {
                // Overlapping intervals would count the shared time twice.
                throw new ArgumentException($"The opening hours of {day} overlap.", paramName);
            }
        }
        return ordered;
    }
}
