using EcomOps.Domain.Calendars;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;

namespace EcomOps.Tests.Service.Sla;

public sealed class SlaSettingsTests
{
    [Fact]
    public void The_default_settings_build_the_desk_hours_and_five_ordered_policies()
    {
        var built = SlaSettings.Default().Build(CalendarDates.Of(CalendarSeeds.ServiceDeskSpringFestival));

        Assert.True(built.Succeeded);
        var (calendar, policies) = built.Value;
        Assert.Equal(["Urgent", "Complaint", "Online chat", "Hotline", "Standard"], policies.Policies.Select(p => p.Name));
        Assert.Equal(TimeSpan.FromMinutes(30), policies.Policies[0].FirstResponse!.Duration);
        Assert.Equal("Asia/Shanghai", calendar.Zone.Id);
        Assert.Contains(new DateOnly(2027, 2, 6), calendar.Holidays);
    }

    [Theory]
    [InlineData("09:00-12:00, 13:30-18:00", "09:00-12:00, 13:30-18:00")]
    [InlineData("9:00–12:00，13:30—18:00", "09:00-12:00, 13:30-18:00")]
    [InlineData("00:00-24:00", "00:00-24:00")]
    [InlineData("  ", "")]
    public void Opening_hours_are_read_as_people_write_them_with_split_shifts(string text, string normalised)
    {
        Assert.True(SlaSettings.TryParseHours(text, out var hours, out _));
        Assert.Equal(normalised, SlaSettings.FormatHours(hours));
    }

    [Theory]
    [InlineData("9 to 5", "SlaHoursFormat")]
    [InlineData("18:00-09:00", "SlaHoursCloseBeforeOpen")]
    [InlineData("09:00-13:00, 12:00-18:00", "SlaHoursOverlap")]
    [InlineData("25:00-26:00", "SlaHoursFormat")]
    public void Unreadable_backwards_or_overlapping_hours_are_refused_with_a_reason(string text, string code)
    {
        Assert.False(SlaSettings.TryParseHours(text, out _, out var error));
        Assert.Equal(code, error);
    }

    [Fact]
    public void Every_problem_is_reported_with_the_field_it_belongs_to()
    {
        var settings = SlaSettings.Default();
        settings.TimeZoneId = "Mars/Olympus";
        settings.WeeklyHours[DayOfWeek.Monday] = "18:00-09:00";
        settings.Policies[1] = settings.Policies[1] with { Name = "urgent", FirstResponseMinutes = 0 };
        settings.Policies[2] = settings.Policies[2] with { Name = "", FirstResponseMinutes = null, NextReplyMinutes = null, ResolutionMinutes = null, WarningPercent = 0 };
        settings.Policies[3] = settings.Policies[3] with { ReassignOn = SlaEscalationTrigger.Breach };

        var built = settings.Build();

        Assert.False(built.Succeeded);
        Assert.Equal(
            [
                ("TimeZoneId", "SlaTimeZoneUnknown"), ("WeeklyHours.Monday", "SlaHoursCloseBeforeOpen"),
                ("Policies[1].Name", "SlaPolicyNameTaken"), ("Policies[1].FirstResponse", "SlaTargetOutOfRange"),
                ("Policies[2].Name", "Required"), ("Policies[2].FirstResponse", "SlaPolicyNoTargets"), ("Policies[2].WarningPercent", "SlaWarningOutOfRange"),
                ("Policies[3].ReassignTo", "SlaReassignIncomplete"),
            ],
            built.Errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void A_make_up_workday_is_refused_while_monday_whose_hours_it_works_is_closed()
    {
        var settings = SlaSettings.Default();
        settings.WeeklyHours[DayOfWeek.Monday] = "";

        var built = settings.Build(new CalendarDates([], [new MakeUpWorkday(new DateOnly(2027, 2, 14))], []));

        Assert.Equal([("WeeklyHours.Monday", "SlaMakeUpDayClosedWeekday")], built.Errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void A_week_without_opening_hours_or_a_policy_list_left_empty_is_refused()
    {
        var settings = SlaSettings.Default();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            settings.WeeklyHours[day] = "";
        }
        settings.Policies.Clear();

        Assert.Equal([("WeeklyHours", "SlaNoOpeningHours"), ("Policies", "SlaNoPolicies")], settings.Build().Errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void Each_target_keeps_its_own_time_mode_and_the_warning_share_comes_from_the_percentage()
    {
        var settings = SlaSettings.Default();
        settings.Policies[0] = settings.Policies[0] with { ResolutionMode = SlaTimeMode.CalendarHours, WarningPercent = 50, ReassignOn = SlaEscalationTrigger.Warning, ReassignToEmployeeId = 7 };

        var urgent = settings.Build().Value.Policies.Policies[0];

        Assert.Equal(SlaTimeMode.BusinessHours, urgent.FirstResponse!.Mode);
        Assert.Equal(SlaTimeMode.CalendarHours, urgent.Resolution!.Mode);
        Assert.Equal(0.5, urgent.WarningShare);
        Assert.Equal(new SlaReassignment(SlaEscalationTrigger.Warning, 7), urgent.Reassignment);
    }
}
