using EcomOps.Domain.Service.Sla;

namespace EcomOps.Tests.Service.Sla;

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar NineToFive =
        BusinessCalendar.Weekdays("Asia/Shanghai", [new(new(9, 0), new(17, 0))]);

    private static readonly BusinessCalendar China = BusinessCalendar.ChinaDefault();

    private static DateTime Local(BusinessCalendar calendar, int year, int month, int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0), calendar.Zone);

    private static BusinessCalendar EveryDay(string zone, TimeOnly opens, TimeOnly closes) =>
        new(zone, Enum.GetValues<DayOfWeek>().ToDictionary(day => day, _ => (IReadOnlyList<OpeningInterval>)[new(opens, closes)]));

    [Fact]
    public void Friday_16_30_plus_one_business_hour_is_Monday_09_30()
    {
        var due = NineToFive.Add(Local(NineToFive, 2026, 3, 6, 16, 30), TimeSpan.FromHours(1));

        Assert.Equal(Local(NineToFive, 2026, 3, 9, 9, 30), due);
    }

    [Fact]
    public void A_start_after_hours_counts_from_the_next_opening()
    {
        var evening = Local(NineToFive, 2026, 3, 10, 19, 45);

        Assert.False(NineToFive.IsOpen(evening));
        Assert.Equal(Local(NineToFive, 2026, 3, 11, 9, 0), NineToFive.NextOpening(evening));
        Assert.Equal(Local(NineToFive, 2026, 3, 11, 11, 0), NineToFive.Add(evening, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void The_next_opening_of_an_open_instant_is_that_instant()
    {
        var morning = Local(NineToFive, 2026, 3, 10, 10, 17);

        Assert.True(NineToFive.IsOpen(morning));
        Assert.Equal(morning, NineToFive.NextOpening(morning));
    }

    [Fact]
    public void Business_time_used_up_exactly_at_closing_is_due_at_closing_not_at_the_next_opening()
    {
        var due = NineToFive.Add(Local(NineToFive, 2026, 3, 10, 16, 0), TimeSpan.FromHours(1));

        Assert.Equal(Local(NineToFive, 2026, 3, 10, 17, 0), due);
    }

    [Fact]
    public void The_weekend_has_no_open_time()
    {
        Assert.Equal(TimeSpan.Zero, NineToFive.Between(Local(NineToFive, 2026, 3, 6, 17, 0), Local(NineToFive, 2026, 3, 9, 9, 0)));
        Assert.Equal(TimeSpan.FromHours(1), NineToFive.Between(Local(NineToFive, 2026, 3, 6, 16, 30), Local(NineToFive, 2026, 3, 9, 9, 30)));
    }

    [Fact]
    public void Time_in_the_lunch_gap_does_not_count()
    {
        var beforeLunch = Local(China, 2026, 3, 10, 11, 30);

        Assert.False(China.IsOpen(Local(China, 2026, 3, 10, 12, 45)));
        Assert.Equal(TimeSpan.FromHours(1), China.Between(beforeLunch, Local(China, 2026, 3, 10, 14, 0)));
        Assert.Equal(Local(China, 2026, 3, 10, 14, 0), China.Add(beforeLunch, TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromHours(7.5), China.Between(Local(China, 2026, 3, 10, 0), Local(China, 2026, 3, 11, 0)));
    }

    [Fact]
    public void A_public_holiday_is_closed_all_day_although_it_is_a_weekday()
    {
        var mayDay = Local(China, 2026, 5, 1, 10, 0);

        Assert.False(China.IsOpen(mayDay));
        Assert.Equal(TimeSpan.Zero, China.Between(Local(China, 2026, 5, 1, 0), Local(China, 2026, 5, 6, 0)));
        Assert.Equal(Local(China, 2026, 5, 6, 9, 0), China.NextOpening(mayDay));
    }

    [Fact]
    public void A_make_up_workday_on_a_weekend_is_open_with_monday_hours()
    {
        Assert.True(China.IsOpen(Local(China, 2026, 1, 4, 10, 0)));
        Assert.Equal(TimeSpan.FromHours(7.5), China.Between(Local(China, 2026, 1, 4, 0), Local(China, 2026, 1, 5, 0)));
        Assert.Equal(Local(China, 2026, 1, 4, 9, 0), China.NextOpening(Local(China, 2026, 1, 1, 9, 0)));
    }

    [Fact]
    public void A_make_up_workday_can_use_the_hours_of_another_weekday()
    {
        var calendar = new BusinessCalendar(
            "Asia/Shanghai",
            new Dictionary<DayOfWeek, IReadOnlyList<OpeningInterval>>
            {
                [DayOfWeek.Monday] = [new(new(9, 0), new(17, 0))],
                [DayOfWeek.Friday] = [new(new(9, 0), new(12, 0))],
            },
            makeUpWorkdays: [new(new DateOnly(2026, 3, 7), DayOfWeek.Friday)]);

        Assert.Equal(TimeSpan.FromHours(3), calendar.Between(Local(calendar, 2026, 3, 7, 0), Local(calendar, 2026, 3, 8, 0)));
    }

    [Fact]
    public void The_2026_China_calendar_closes_33_holidays_and_opens_six_weekend_make_up_days()
    {
        Assert.Equal(33, China.Holidays.Count(date => date.Year == 2026));
        Assert.Equal(6, China.MakeUpWorkdays.Keys.Count(date => date.Year == 2026));
        Assert.All(China.MakeUpWorkdays.Keys, date => Assert.True(date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    [Fact]
    public void A_day_of_the_spring_daylight_saving_switch_still_has_eight_open_hours()
    {
        var berlin = EveryDay("Europe/Berlin", new(9, 0), new(17, 0));
        var switchDay = Local(berlin, 2026, 3, 29, 0);
        var nextDay = Local(berlin, 2026, 3, 30, 0);

        Assert.Equal(TimeSpan.FromHours(23), nextDay - switchDay);
        Assert.Equal(TimeSpan.FromHours(8), berlin.Between(switchDay, nextDay));
        Assert.Equal(new DateTime(2026, 3, 29, 7, 0, 0, DateTimeKind.Utc), berlin.NextOpening(switchDay));
    }

    [Fact]
    public void Adding_business_hours_across_the_daylight_saving_switch_lands_on_the_wall_clock_time()
    {
        var berlin = EveryDay("Europe/Berlin", new(9, 0), new(17, 0));
        var newYork = BusinessCalendar.Weekdays("America/New_York", [new(new(9, 0), new(17, 0))]);

        Assert.Equal(new DateTime(2026, 3, 29, 8, 0, 0, DateTimeKind.Utc), berlin.Add(Local(berlin, 2026, 3, 28, 16, 0), TimeSpan.FromHours(2)));
        Assert.Equal(new DateTime(2026, 11, 2, 15, 0, 0, DateTimeKind.Utc), newYork.Add(Local(newYork, 2026, 10, 30, 16, 0), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void An_opening_in_the_skipped_spring_hour_is_shifted_forward_by_the_gap()
    {
        var berlin = EveryDay("Europe/Berlin", new(2, 30), new(4, 0));

        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), berlin.NextOpening(new DateTime(2026, 3, 29, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromMinutes(30), berlin.Between(Local(berlin, 2026, 3, 29, 0), Local(berlin, 2026, 3, 30, 0)));
    }

    [Fact]
    public void An_always_open_calendar_counts_all_elapsed_time_even_across_a_daylight_saving_switch()
    {
        var always = BusinessCalendar.AlwaysOpen("Europe/Berlin");
        var saturdayNoon = new DateTime(2026, 3, 28, 11, 0, 0, DateTimeKind.Utc);

        Assert.Equal(TimeSpan.FromHours(48), always.Between(saturdayNoon, saturdayNoon.AddHours(48)));
        Assert.Equal(saturdayNoon.AddHours(30), always.Add(saturdayNoon, TimeSpan.FromHours(30)));
        Assert.True(always.IsOpen(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc)));
        var autumnSaturday = new DateTime(2026, 10, 24, 11, 0, 0, DateTimeKind.Utc);
        Assert.Equal(TimeSpan.FromHours(48), always.Between(autumnSaturday, autumnSaturday.AddHours(48)));
    }

    [Fact]
    public void A_calendar_without_any_opening_hours_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new BusinessCalendar("Asia/Shanghai", new Dictionary<DayOfWeek, IReadOnlyList<OpeningInterval>> { [DayOfWeek.Monday] = [] }));

        Assert.Equal("weeklyHours", error.ParamName);
    }

    [Fact]
    public void Overlapping_opening_hours_are_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            BusinessCalendar.Weekdays("Asia/Shanghai", [new(new(9, 0), new(13, 0)), new(new(12, 0), new(18, 0))]));
    }

    [Fact]
    public void A_time_that_is_not_utc_is_refused()
    {
        Assert.Throws<ArgumentException>(() => NineToFive.IsOpen(new DateTime(2026, 3, 10, 10, 0, 0, DateTimeKind.Local)));
    }
}
