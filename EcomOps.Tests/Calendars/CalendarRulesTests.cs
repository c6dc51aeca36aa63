using EcomOps.Domain.Calendars;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service.Sla;
using Microsoft.Extensions.Time.Testing;

namespace EcomOps.Tests.Calendars;

public sealed class CalendarRulesTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateTime At(int year, int month, int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0), Shanghai);

    /// <summary>The desk's calendar as the console builds it: weekly hours from the SLA settings, dated days as stored.</summary>
    private static BusinessCalendar Desk(string weekdayHours, params (DateOnly Date, CalendarDayKind Kind, string? Hours)[] days)
    {
        var settings = SlaSettings.Default();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            settings.WeeklyHours[day] = day is DayOfWeek.Saturday or DayOfWeek.Sunday ? "" : weekdayHours;
        }
        var built = settings.Build(CalendarDates.From(days));
        Assert.True(built.Succeeded, string.Join(", ", built.Errors));
        return built.Value.Calendar;
    }

    [Fact]
    public void On_an_extended_11_11_a_message_at_17_30_is_due_the_same_evening_not_the_next_morning()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(At(2026, 11, 11, 17, 30)));
        var singlesDay = Desk("09:00-18:00", (new DateOnly(2026, 11, 11), CalendarDayKind.SpecialHours, "09:00-12:00, 13:00-23:59"));
        var ordinary = Desk("09:00-18:00");

        var now = clock.GetUtcNow().UtcDateTime;

        Assert.Equal(At(2026, 11, 11, 19, 30), singlesDay.Add(now, TimeSpan.FromHours(2)));
        Assert.Equal(At(2026, 11, 12, 10, 30), ordinary.Add(now, TimeSpan.FromHours(2)));
        // The split day is closed over its lunch break, as its hours say.
        Assert.False(singlesDay.IsOpen(At(2026, 11, 11, 12, 30)));
    }

    [Fact]
    public void A_short_day_before_national_day_carries_the_rest_of_a_target_past_the_holiday()
    {
        var days = CalendarSeeds.China2027.Days.Select(day => (day.Date, day.Kind, (string?)null))
            .Append((new DateOnly(2027, 9, 30), CalendarDayKind.SpecialHours, "09:00-15:00"))
            .ToArray();
        var calendar = Desk("09:00-18:00", days);

        // Thursday 14:00: one hour before the early close, then Friday 1 to Thursday 7 October are closed.
        var due = calendar.Add(At(2027, 9, 30, 14, 0), TimeSpan.FromHours(2));

        Assert.Equal(At(2027, 10, 8, 10, 0), due);
    }

    [Fact]
    public void An_end_time_of_23_59_means_the_end_of_the_day_and_its_last_minute_counts()
    {
        var calendar = Desk("09:00-23:59", (new DateOnly(2026, 11, 11), CalendarDayKind.SpecialHours, "00:00-23:59"));

        Assert.Equal(TimeSpan.FromHours(24), calendar.Between(At(2026, 11, 11, 0, 0), At(2026, 11, 12, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(15), calendar.Between(At(2026, 11, 12, 0, 0), At(2026, 11, 13, 0, 0)));
        Assert.True(calendar.IsOpen(At(2026, 11, 12, 23, 59).AddSeconds(30)));
        Assert.Equal(At(2026, 11, 13, 0, 0), calendar.Add(At(2026, 11, 12, 23, 0), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Hours_of_a_day_that_end_before_they_start_or_overlap_are_refused_with_their_reason()
    {
        string[] Codes(string? hours, WorkCalendar calendar = WorkCalendar.ServiceDesk, DateOnly? date = null) =>
            [.. CalendarDesk.Check(new CalendarDayForm { Calendar = calendar, Date = date ?? new DateOnly(2026, 11, 11), Kind = CalendarDayKind.SpecialHours, Hours = hours })
                .Errors.Select(e => $"{e.Field}:{e.Code}")];

        Assert.Equal(["Hours:SlaHoursCloseBeforeOpen"], Codes("18:00-09:00"));
        Assert.Equal(["Hours:SlaHoursOverlap"], Codes("09:00-13:00, 12:00-23:59"));
        Assert.Equal(["Hours:CalendarHoursRequired"], Codes(" "));
        Assert.Equal(["Kind:CalendarHoursNotCounted"], Codes("09:00-23:59", WorkCalendar.Company));
        Assert.Equal(["Date:CalendarDateRequired"], [.. CalendarDesk.Check(new CalendarDayForm { Kind = CalendarDayKind.Holiday }).Errors.Select(e => $"{e.Field}:{e.Code}")]);
        Assert.Equal("09:00-12:00, 13:00-23:59", CalendarDesk.Check(new CalendarDayForm { Date = new DateOnly(2026, 11, 11), Kind = CalendarDayKind.SpecialHours, Hours = "9:00–12:00，13:00-23:59" }).Hours);
    }

    [Fact]
    public void Ship_by_on_working_days_skips_the_2027_spring_festival_and_counts_its_sunday_make_up_day()
    {
        var company = BusinessCalendar.Weekdays("Asia/Shanghai", [OpeningInterval.AllDay],
            CalendarDates.Of(CalendarSeeds.China2027).Holidays, CalendarDates.Of(CalendarSeeds.China2027).MakeUpWorkdays);
        var policy = new ShipByPolicy(new OrderSettings { ShipBy = { BusinessDays = true } }, company);

        // Paid Thursday 4 February 12:00: twelve hours that day, the festival (5–13 February) skipped, twelve on Sunday the 14th.
        Assert.Equal(At(2027, 2, 14, 12, 0), policy.ShipBy(At(2027, 2, 4, 12, 0)));
    }

    [Fact]
    public void Count_days_skip_national_day_and_include_its_saturday_make_up_day()
    {
        var company = BusinessCalendar.Weekdays("Asia/Shanghai", [OpeningInterval.AllDay],
            CalendarDates.Of(CalendarSeeds.China2026).Holidays, CalendarDates.Of(CalendarSeeds.China2026).MakeUpWorkdays);

        Assert.Equal(
            [new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 8), new DateOnly(2026, 10, 9), new DateOnly(2026, 10, 10)],
            CountRules.WorkingDays(new DateOnly(2026, 9, 30), 4, company));
    }
}
