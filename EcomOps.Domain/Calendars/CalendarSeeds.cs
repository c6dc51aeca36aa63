namespace EcomOps.Domain.Calendars;

public sealed record CalendarSeedDay(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>A set of days written into a calendar once, at start-up, under a key that marks it as written.</summary>
public sealed record CalendarSeed(string Key, WorkCalendar Calendar, IReadOnlyList<CalendarSeedDay> Days);

/// <summary>
/// The days a new database starts with. They are data, not rules: start-up writes each seed once
/// (<see cref="CalendarDays.SeedAsync"/>), and from then on people edit them on the SLA page. A later year is a new
/// seed with a new key (the State Council publishes each year's schedule in November or December).
/// </summary>
public static class CalendarSeeds
{
    private const string NewYear = "元旦 New Year's Day";
    private const string SpringFestival = "春节 Spring Festival";
    private const string Qingming = "清明节 Qingming";
    private const string LabourDay = "劳动节 Labour Day";
    private const string DragonBoat = "端午节 Dragon Boat Festival";
    private const string MidAutumn = "中秋节 Mid-Autumn Festival";
    private const string NationalDay = "国庆节 National Day";

    /// <summary>China 2026, as the State Council published it on 2025-11-04.</summary>
    public static CalendarSeed China2026 { get; } = new("company-cn-2026", WorkCalendar.Company,
    [
        .. Holidays(new(2026, 1, 1), new(2026, 1, 3), NewYear),
        MakeUp(new(2026, 1, 4), NewYear),
        MakeUp(new(2026, 2, 14), SpringFestival),
        .. Holidays(new(2026, 2, 15), new(2026, 2, 23), SpringFestival),
        MakeUp(new(2026, 2, 28), SpringFestival),
        .. Holidays(new(2026, 4, 4), new(2026, 4, 6), Qingming),
        .. Holidays(new(2026, 5, 1), new(2026, 5, 5), LabourDay),
        MakeUp(new(2026, 5, 9), LabourDay),
        .. Holidays(new(2026, 6, 19), new(2026, 6, 21), DragonBoat),
        MakeUp(new(2026, 9, 20), NationalDay),
        .. Holidays(new(2026, 9, 25), new(2026, 9, 27), MidAutumn),
        .. Holidays(new(2026, 10, 1), new(2026, 10, 7), NationalDay),
        MakeUp(new(2026, 10, 10), NationalDay),
    ]);

    /// <summary>
    /// China 2027, DERIVED, not copied from the official notice (it could not be consulted when this was written): the
    /// festival dates are the lunar ones (Spring Festival 2027-02-06, Dragon Boat 06-09, Mid-Autumn 09-15) and the
    /// lengths follow the 2025 rules as 2026 applied them (a nine-day Spring Festival from its eve, five days for
    /// Labour Day, seven for National Day, weekend days worked in exchange). The holiday dates are likely right; the
    /// make-up workdays are a guess and must be checked against the State Council's 2027 notice and corrected on
    /// the SLA page.
    /// </summary>
    public static CalendarSeed China2027 { get; } = new("company-cn-2027", WorkCalendar.Company,
    [
        .. Holidays(new(2027, 1, 1), new(2027, 1, 3), NewYear),
        .. Holidays(new(2027, 2, 5), new(2027, 2, 13), SpringFestival),
        MakeUp(new(2027, 2, 14), SpringFestival),
        MakeUp(new(2027, 2, 20), SpringFestival),
        .. Holidays(new(2027, 4, 3), new(2027, 4, 5), Qingming),
        .. Holidays(new(2027, 5, 1), new(2027, 5, 5), LabourDay),
        MakeUp(new(2027, 5, 8), LabourDay),
        Holiday(new(2027, 6, 9), DragonBoat),
        Holiday(new(2027, 9, 15), MidAutumn),
        MakeUp(new(2027, 9, 26), NationalDay),
        .. Holidays(new(2027, 10, 1), new(2027, 10, 7), NationalDay),
        MakeUp(new(2027, 10, 9), NationalDay),
    ]);

    /// <summary>
    /// The service desk answers every day, public holidays included, and closes only on the eve and first day of the
    /// Spring Festival.
    /// </summary>
    public static CalendarSeed ServiceDeskSpringFestival { get; } = new("service-desk-spring-festival-2026-2027", WorkCalendar.ServiceDesk,
    [
        Holiday(new(2026, 2, 16), "除夕 Spring Festival's eve"),
        Holiday(new(2026, 2, 17), SpringFestival),
        Holiday(new(2027, 2, 5), "除夕 Spring Festival's eve"),
        Holiday(new(2027, 2, 6), SpringFestival),
    ]);

    public static IReadOnlyList<CalendarSeed> All { get; } = [China2026, China2027, ServiceDeskSpringFestival];

    private static CalendarSeedDay Holiday(DateOnly date, string name) => new(date, CalendarDayKind.Holiday, name);

    private static CalendarSeedDay MakeUp(DateOnly date, string name) => new(date, CalendarDayKind.MakeUpWorkday, name);

    private static IEnumerable<CalendarSeedDay> Holidays(DateOnly first, DateOnly last, string name) =>
        Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(offset => Holiday(first.AddDays(offset), name));
}
