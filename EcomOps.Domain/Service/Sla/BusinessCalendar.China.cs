namespace EcomOps.Domain.Service.Sla;

public sealed partial class BusinessCalendar
{
    /// <summary>
    /// Mainland China office hours in Asia/Shanghai: Monday to Friday 09:00–12:00 and 13:30–18:00. The lunch break is
    /// closed because the rulebook's office hours have one; a queue staffed through lunch should use calendar-hours
    /// targets or a calendar of its own. Holidays and make-up workdays are those of 2026 as the State Council published
    /// them; each later year's list is added here when it is published (usually in November).
    /// </summary>
    public static BusinessCalendar ChinaDefault() =>
        Weekdays(
            "Asia/Shanghai",
            [new(new(9, 0), new(12, 0)), new(new(13, 30), new(18, 0))],
            China2026Holidays,
            China2026MakeUpWorkdays.Select(date => new MakeUpWorkday(date)));

    private static IEnumerable<DateOnly> China2026Holidays =>
    [
        .. Days(new(2026, 1, 1), new(2026, 1, 3)),   // New Year
        .. Days(new(2026, 2, 15), new(2026, 2, 23)), // Spring Festival
        .. Days(new(2026, 4, 4), new(2026, 4, 6)),   // Qingming
        .. Days(new(2026, 5, 1), new(2026, 5, 5)),   // Labour Day
        .. Days(new(2026, 6, 19), new(2026, 6, 21)), // Dragon Boat
        .. Days(new(2026, 9, 25), new(2026, 9, 27)), // Mid-Autumn
        .. Days(new(2026, 10, 1), new(2026, 10, 7)), // National Day
    ];

    private static IEnumerable<DateOnly> China2026MakeUpWorkdays =>
    [
        new(2026, 1, 4),   // Sunday, for New Year
        new(2026, 2, 14),  // Saturday, for Spring Festival
        new(2026, 2, 28),  // Saturday, for Spring Festival
        new(2026, 5, 9),   // Saturday, for Labour Day
        new(2026, 9, 20),  // Sunday, for National Day
        new(2026, 10, 10), // Saturday, for National Day
    ];

    private static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last) =>
        Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays);
}
