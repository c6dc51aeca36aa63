namespace EcomOps.Domain.Service.Sla;

/// <summary>
/// One stretch of a day during which the service desk is open, in wall-clock time of the calendar's zone.
/// <see cref="Closes"/> at 00:00 means midnight at the end of the day, so that 00:00–00:00 is the whole day; so does
/// 23:59, which is how people (and most time pickers) write "until the end of the day": the minute until midnight counts.
/// </summary>
public sealed record OpeningInterval
{
    public OpeningInterval(TimeOnly opens, TimeOnly closes)
    {
        if (closes != TimeOnly.MinValue && closes <= opens)
        {
            throw new ArgumentException($"An opening interval must close after it opens ({opens:HH:mm}–{closes:HH:mm}).", nameof(closes));
        }
        Opens = opens;
        Closes = closes;
    }

    public static OpeningInterval AllDay { get; } = new(TimeOnly.MinValue, TimeOnly.MinValue);

    public TimeOnly Opens { get; }

    public TimeOnly Closes { get; }

    internal TimeSpan OpensAfterMidnight => Opens.ToTimeSpan();

    internal TimeSpan ClosesAfterMidnight => ClosesAtEndOfDay ? TimeSpan.FromDays(1) : Closes.ToTimeSpan();

    private static readonly TimeOnly LastMinute = new(23, 59);

    private bool ClosesAtEndOfDay => Closes == TimeOnly.MinValue || Closes == LastMinute;
}

/// <summary>
/// A date with hours of its own that replace its weekday's (an extended 11.11 or 618, a short day before a holiday);
/// no intervals at all closes the date.
/// </summary>
public sealed record DatedHours(DateOnly Date, IReadOnlyList<OpeningInterval> Hours);

/// <summary>
/// A date that is worked although its weekday is normally closed (China's 调休), with the hours of <see cref="WorksAs"/>.
/// </summary>
public sealed record MakeUpWorkday(DateOnly Date, DayOfWeek WorksAs = DayOfWeek.Monday);
