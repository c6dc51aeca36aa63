using EcomOps.Domain.Calendars;

namespace EcomOps.Domain.Service.Sla;

public sealed partial class BusinessCalendar
{
    /// <summary>
    /// Mainland China office hours in Asia/Shanghai: Monday to Friday 09:00–12:00 and 13:30–18:00, with the public
    /// holidays and make-up workdays that a new database is seeded with (<see cref="CalendarSeeds"/>). The lunch break
    /// is closed because the rulebook's office hours have one. An in-memory rule for tests and examples: the console's
    /// calendars read their days from the database (<see cref="CalendarDays"/>).
    /// </summary>
    public static BusinessCalendar ChinaDefault()
    {
        var days = CalendarSeeds.All.Where(seed => seed.Calendar == WorkCalendar.Company).SelectMany(seed => seed.Days).ToList();
        return Weekdays(
            "Asia/Shanghai",
            [new(new(9, 0), new(12, 0)), new(new(13, 30), new(18, 0))],
            days.Where(day => day.Kind == CalendarDayKind.Holiday).Select(day => day.Date),
            days.Where(day => day.Kind == CalendarDayKind.MakeUpWorkday).Select(day => new MakeUpWorkday(day.Date)));
    }
}
