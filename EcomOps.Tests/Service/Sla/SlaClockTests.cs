using EcomOps.Domain.Service.Sla;
using static EcomOps.Tests.Service.Sla.TicketBuilder;

namespace EcomOps.Tests.Service.Sla;

public sealed class SlaClockTests
{
    private static readonly BusinessCalendar NineToFive =
        BusinessCalendar.Weekdays("Asia/Shanghai", [new(new(9, 0), new(17, 0))]);

    private static readonly SlaPolicy Standard = new()
    {
        Name = "Standard",
        FirstResponse = new(TimeSpan.FromHours(2)),
        NextReply = new(TimeSpan.FromHours(1)),
        Resolution = new(TimeSpan.FromHours(8)),
    };

    private static SlaTargetStatus Target(
        SlaTargetKind kind, TicketBuilder ticket, DateTime nowUtc, SlaPolicy? policy = null, BusinessCalendar? calendar = null) =>
        SlaClock.Evaluate(ticket.Build(), policy ?? Standard, calendar ?? NineToFive, nowUtc).Single(status => status.Kind == kind);

    [Fact]
    public void A_ticket_created_after_hours_starts_its_clock_at_the_next_opening()
    {
        var ticket = CreatedAt(Shanghai(3, 10, 19, 0));

        var firstResponse = Target(SlaTargetKind.FirstResponse, ticket, Shanghai(3, 11, 9, 30));

        Assert.Equal(SlaState.Active, firstResponse.State);
        Assert.Equal(Shanghai(3, 10, 19, 0), firstResponse.Explanation.RequestedAtUtc);
        Assert.Equal(Shanghai(3, 11, 9, 0), firstResponse.StartedAtUtc);
        Assert.Equal(30, firstResponse.ElapsedOpenMinutes);
        Assert.Equal(Shanghai(3, 11, 11, 0), firstResponse.DueAtUtc);
    }

    [Fact]
    public void A_ticket_created_Friday_16_30_with_a_one_hour_target_is_due_Monday_09_30()
    {
        var oneHour = Standard with { FirstResponse = new(TimeSpan.FromHours(1)) };

        var firstResponse = Target(SlaTargetKind.FirstResponse, CreatedAt(Shanghai(3, 6, 16, 30)), Shanghai(3, 6, 16, 45), oneHour);

        Assert.Equal(Shanghai(3, 9, 9, 30), firstResponse.DueAtUtc);
        Assert.Equal(45, firstResponse.RemainingMinutes);
    }

    [Fact]
    public void A_ticket_created_at_the_weekend_counts_nothing_until_Monday()
    {
        var firstResponse = Target(SlaTargetKind.FirstResponse, CreatedAt(Shanghai(3, 7, 10, 0)), Shanghai(3, 8, 20, 0));

        Assert.Equal(0, firstResponse.ElapsedOpenMinutes);
        Assert.Equal(Shanghai(3, 9, 9, 0), firstResponse.StartedAtUtc);
        Assert.Equal(Shanghai(3, 9, 11, 0), firstResponse.DueAtUtc);
    }

    [Fact]
    public void Time_in_the_lunch_gap_does_not_count_towards_the_target()
    {
        var firstResponse = Target(SlaTargetKind.FirstResponse, CreatedAt(Shanghai(3, 10, 11, 0)), Shanghai(3, 10, 13, 0),
            calendar: BusinessCalendar.ChinaDefault());

        Assert.Equal(60, firstResponse.ElapsedOpenMinutes);
        Assert.Equal(Shanghai(3, 10, 14, 30), firstResponse.DueAtUtc);
    }

    [Fact]
    public void A_public_holiday_pushes_the_deadline_past_it()
    {
        var firstResponse = Target(SlaTargetKind.FirstResponse, CreatedAt(Shanghai(9, 30, 17, 0)), Shanghai(9, 30, 17, 30),
            calendar: BusinessCalendar.ChinaDefault());

        Assert.Equal(Shanghai(10, 8, 10, 0), firstResponse.DueAtUtc);
    }

    [Fact]
    public void A_make_up_workday_on_a_Saturday_counts_like_a_weekday()
    {
        var firstResponse = Target(SlaTargetKind.FirstResponse, CreatedAt(Shanghai(10, 9, 17, 30)), Shanghai(10, 9, 17, 45),
            calendar: BusinessCalendar.ChinaDefault());

        Assert.Equal(Shanghai(10, 10, 10, 30), firstResponse.DueAtUtc);
    }

    [Fact]
    public void An_internal_note_does_not_meet_first_response_but_a_public_reply_does()
    {
        var ticket = CreatedAt(Shanghai(3, 10, 9, 0)).InternalNote(Shanghai(3, 10, 9, 20));

        var afterNote = Target(SlaTargetKind.FirstResponse, ticket, Shanghai(3, 10, 9, 40));
        var afterReply = Target(SlaTargetKind.FirstResponse, ticket.PublicReply(Shanghai(3, 10, 10, 30)), Shanghai(3, 10, 11, 0));

        Assert.Equal(SlaState.Active, afterNote.State);
        Assert.Null(afterNote.MetAtUtc);
        Assert.Equal(SlaState.Met, afterReply.State);
        Assert.Equal(Shanghai(3, 10, 10, 30), afterReply.MetAtUtc);
        Assert.Equal(90, afterReply.ElapsedOpenMinutes);
        Assert.Null(afterReply.DueAtUtc);
    }

    [Fact]
    public void Pending_customer_pauses_the_clock_and_reopening_resumes_it()
    {
        var ticket = CreatedAt(Shanghai(3, 10, 9, 0))
            .PublicReply(Shanghai(3, 10, 9, 30))
            .Status(TicketStatus.PendingCustomer, Shanghai(3, 10, 10, 0))
            .Status(TicketStatus.Open, Shanghai(3, 10, 14, 0));

        var resolution = Target(SlaTargetKind.Resolution, ticket, Shanghai(3, 10, 15, 0));

        Assert.Equal(SlaState.Active, resolution.State);
        Assert.Equal(120, resolution.ElapsedOpenMinutes);
        Assert.Equal(240, resolution.PausedMinutes);
        Assert.Equal(360, resolution.RemainingMinutes);
        Assert.Equal(Shanghai(3, 11, 13, 0), resolution.DueAtUtc);
        Assert.Equal([new SlaPause(Shanghai(3, 10, 10, 0), Shanghai(3, 10, 14, 0), TicketStatus.PendingCustomer)], resolution.Explanation.Pauses);
        Assert.Equal(Shanghai(3, 10, 15, 0), resolution.Explanation.CountedUntilUtc);
        Assert.Equal(480, resolution.Explanation.TargetMinutes);
    }

    [Fact]
    public void While_pending_the_target_is_paused_and_has_no_due_time()
    {
        var ticket = CreatedAt(Shanghai(3, 10, 9, 0))
            .PublicReply(Shanghai(3, 10, 9, 30))
            .Status(TicketStatus.PendingCustomer, Shanghai(3, 10, 10, 0));

        var resolution = Target(SlaTargetKind.Resolution, ticket, Shanghai(3, 10, 12, 0));

        Assert.Equal(SlaState.Paused, resolution.State);
        Assert.Null(resolution.DueAtUtc);
        Assert.Equal(60, resolution.ElapsedOpenMinutes);
        Assert.Equal(120, resolution.PausedMinutes);
        Assert.Equal(420, resolution.RemainingMinutes);
        Assert.Equal([new SlaPause(Shanghai(3, 10, 10, 0), null, TicketStatus.PendingCustomer)], resolution.Explanation.Pauses);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_customer_message_while_pending_restarts_the_clock_whether_or_not_the_reopen_is_recorded(bool reopenRecorded)
    {
        var ticket = CreatedAt(Shanghai(3, 10, 9, 0))
            .PublicReply(Shanghai(3, 10, 9, 30))
            .Status(TicketStatus.PendingCustomer, Shanghai(3, 10, 10, 0))
            .CustomerMessage(Shanghai(3, 10, 13, 0));
        if (reopenRecorded)
        {
            ticket.Status(TicketStatus.Open, Shanghai(3, 10, 13, 0));
        }

        var resolution = Target(SlaTargetKind.Resolution, ticket, Shanghai(3, 10, 13, 30));
        var nextReply = Target(SlaTargetKind.NextReply, ticket, Shanghai(3, 10, 13, 30));

        Assert.Equal(SlaState.Active, resolution.State);
        Assert.Equal(90, resolution.ElapsedOpenMinutes);
        Assert.Equal([new SlaPause(Shanghai(3, 10, 10, 0), Shanghai(3, 10, 13, 0), TicketStatus.PendingCustomer)], resolution.Explanation.Pauses);
        Assert.Equal(SlaState.Active, nextReply.State);
        Assert.Equal(SlaStartEvent.CustomerMessage, nextReply.Explanation.StartedBy);
        Assert.Equal(Shanghai(3, 10, 13, 0), nextReply.StartedAtUtc);
        Assert.Equal(Shanghai(3, 10, 14, 0), nextReply.DueAtUtc);
    }

    [Fact]
    public void Next_reply_runs_from_the_oldest_unanswered_customer_message_until_a_public_reply()
    {
        var ticket = CreatedAt(Shanghai(3, 10, 9, 0))
            .CustomerMessage(Shanghai(3, 10, 9, 0))
            .PublicReply(Shanghai(3, 10, 9, 10))
            .CustomerMessage(Shanghai(3, 10, 10, 0))
            .CustomerMessage(Shanghai(3, 10, 10, 20))
            .InternalNote(Shanghai(3, 10, 10, 25));

        var waiting = Target(SlaTargetKind.NextReply, ticket, Shanghai(3, 10, 10, 40));
        var answered = Target(SlaTargetKind.NextReply, ticket.PublicReply(Shanghai(3, 10, 10, 50)), Shanghai(3, 10, 11, 0));

        Assert.Equal(Shanghai(3, 10, 10, 0), waiting.StartedAtUtc);
        Assert.Equal(40, waiting.ElapsedOpenMinutes);
        Assert.Equal(Shanghai(3, 10, 11, 0), waiting.DueAtUtc);
        Assert.Equal(SlaState.Met, answered.State);
        Assert.Equal(Shanghai(3, 10, 10, 50), answered.MetAtUtc);
        Assert.Equal(50, answered.ElapsedOpenMinutes);
    }

    [Fact]
    public void A_customer_message_after_hours_starts_the_next_reply_clock_at_the_next_opening()
    {
        var ticket = CreatedAt(Shanghai(3, 10, 9, 0))
            .PublicReply(Shanghai(3, 10, 9, 10))
            .CustomerMessage(Shanghai(3, 10, 21, 15));

        var nextReply = Target(SlaTargetKind.NextReply, ticket, Shanghai(3, 10, 22, 0));

        Assert.Equal(Shanghai(3, 10, 21, 15), nextReply.Explanation.RequestedAtUtc);
        Assert.Equal(Shanghai(3, 11, 9, 0), nextReply.StartedAtUtc);
        Assert.Equal(0, nextReply.ElapsedOpenMinutes);
        Assert.Equal(Shanghai(3, 11, 10, 0), nextReply.DueAtUtc);
    }

    [Fact]
    public void Next_reply_is_not_tracked_until_the_customer_writes_after_the_first_response()
    {
        var ticket = CreatedAt(Shanghai(3, 10, 9, 0)).CustomerMessage(Shanghai(3, 10, 9, 0)).PublicReply(Shanghai(3, 10, 9, 10));

        var statuses = SlaClock.Evaluate(ticket.Build(), Standard, NineToFive, Shanghai(3, 10, 10, 0));

        Assert.DoesNotContain(statuses, status => status.Kind == SlaTargetKind.NextReply);
    }

    [Fact]
    public void A_breach_is_dated_at_the_exact_deadline_whenever_it_is_evaluated()
    {
        var ticket = CreatedAt(Shanghai(3, 9, 16, 0))
            .Status(TicketStatus.PendingCustomer, Shanghai(3, 9, 16, 30))
            .Status(TicketStatus.Open, Shanghai(3, 10, 10, 0))
            .PublicReply(Shanghai(3, 11, 9, 0));

        var justBefore = Target(SlaTargetKind.FirstResponse, ticket, Shanghai(3, 10, 11, 29));
        var atDeadline = Target(SlaTargetKind.FirstResponse, ticket, Shanghai(3, 10, 11, 30));
        var daysLater = Target(SlaTargetKind.FirstResponse, ticket, Shanghai(3, 13, 15, 0));

        Assert.Equal(SlaState.Active, justBefore.State);
        Assert.Equal(Shanghai(3, 10, 11, 30), justBefore.DueAtUtc);
        Assert.Equal(SlaState.Breached, atDeadline.State);
        Assert.Equal(SlaLevel.Breached, atDeadline.Level);
        Assert.Equal(Shanghai(3, 10, 11, 30), atDeadline.BreachedAtUtc);
        Assert.Equal(atDeadline.BreachedAtUtc, daysLater.BreachedAtUtc);
        Assert.Equal(Shanghai(3, 11, 9, 0), daysLater.MetAtUtc);
        Assert.Equal(3.75, daysLater.ShareUsed);
    }

    [Fact]
    public void A_reply_after_the_deadline_leaves_the_target_breached_at_the_deadline()
    {
        var ticket = CreatedAt(Shanghai(3, 10, 9, 0)).PublicReply(Shanghai(3, 10, 11, 30));

        var firstResponse = Target(SlaTargetKind.FirstResponse, ticket, Shanghai(3, 10, 12, 0));

        Assert.Equal(SlaState.Breached, firstResponse.State);
        Assert.Equal(Shanghai(3, 10, 11, 0), firstResponse.BreachedAtUtc);
        Assert.Equal(Shanghai(3, 10, 11, 30), firstResponse.MetAtUtc);
        Assert.Equal(-30, firstResponse.RemainingMinutes);
    }

    [Fact]
    public void A_reply_at_the_deadline_instant_is_in_time()
    {
        var ticket = CreatedAt(Shanghai(3, 10, 9, 0)).PublicReply(Shanghai(3, 10, 11, 0));

        var firstResponse = Target(SlaTargetKind.FirstResponse, ticket, Shanghai(3, 10, 12, 0));

        Assert.Equal(SlaState.Met, firstResponse.State);
        Assert.Null(firstResponse.BreachedAtUtc);
        Assert.Equal(1, firstResponse.ShareUsed);
    }

    [Fact]
    public void Warning_shows_once_80_percent_of_the_target_is_used()
    {
        var ticket = CreatedAt(Shanghai(3, 10, 9, 0));

        var before = Target(SlaTargetKind.FirstResponse, ticket, Shanghai(3, 10, 10, 35));
        var at = Target(SlaTargetKind.FirstResponse, ticket, Shanghai(3, 10, 10, 36));

        Assert.Equal(SlaLevel.Ok, before.Level);
        Assert.Equal(Shanghai(3, 10, 10, 36), before.WarningAtUtc);
        Assert.Equal(SlaLevel.Warning, at.Level);
        Assert.Equal(0.8, at.ShareUsed, 10);
    }

    [Fact]
    public void A_custom_warning_share_moves_the_warning()
    {
        var halfway = Standard with { WarningShare = 0.5 };

        var firstResponse = Target(SlaTargetKind.FirstResponse, CreatedAt(Shanghai(3, 10, 9, 0)), Shanghai(3, 10, 10, 0), halfway);

        Assert.Equal(Shanghai(3, 10, 10, 0), firstResponse.WarningAtUtc);
        Assert.Equal(SlaLevel.Warning, firstResponse.Level);
        Assert.Equal(0.5, firstResponse.Explanation.WarningShare);
    }

    [Fact]
    public void Recomputing_with_a_changed_calendar_gives_a_new_due_time()
    {
        var ticket = CreatedAt(Shanghai(3, 10, 16, 0));
        var withHoliday = BusinessCalendar.Weekdays("Asia/Shanghai", [new(new(9, 0), new(17, 0))], holidays: [new DateOnly(2026, 3, 11)]);

        var before = Target(SlaTargetKind.Resolution, ticket, Shanghai(3, 10, 16, 30));
        var after = Target(SlaTargetKind.Resolution, ticket, Shanghai(3, 10, 16, 30), calendar: withHoliday);

        Assert.Equal(Shanghai(3, 11, 16, 0), before.DueAtUtc);
        Assert.Equal(Shanghai(3, 12, 16, 0), after.DueAtUtc);
    }

    [Fact]
    public void Business_hours_count_by_the_wall_clock_across_a_daylight_saving_switch()
    {
        var newYork = BusinessCalendar.Weekdays("America/New_York", [new(new(9, 0), new(17, 0))]);
        var createdFridayAt4pmEdt = new DateTime(2026, 10, 30, 20, 0, 0, DateTimeKind.Utc);

        var resolution = Target(SlaTargetKind.Resolution, CreatedAt(createdFridayAt4pmEdt),
            new DateTime(2026, 11, 2, 15, 0, 0, DateTimeKind.Utc), calendar: newYork);

        Assert.Equal(120, resolution.ElapsedOpenMinutes);
        Assert.Equal(new DateTime(2026, 11, 2, 21, 0, 0, DateTimeKind.Utc), resolution.DueAtUtc);
    }

    [Fact]
    public void Calendar_hours_mode_ignores_opening_hours()
    {
        var chat = Standard with { FirstResponse = new(TimeSpan.FromHours(4), SlaTimeMode.CalendarHours) };

        var firstResponse = Target(SlaTargetKind.FirstResponse, CreatedAt(Shanghai(3, 6, 16, 30)), Shanghai(3, 7, 0, 0), chat);

        Assert.Equal(SlaState.Breached, firstResponse.State);
        Assert.Equal(Shanghai(3, 6, 20, 30), firstResponse.BreachedAtUtc);
        Assert.Equal(450, firstResponse.ElapsedOpenMinutes);
        Assert.Equal(SlaTimeMode.CalendarHours, firstResponse.Explanation.Mode);
    }

    [Fact]
    public void Solving_meets_resolution_and_a_reopen_resumes_it_counting_the_solved_stretch_as_paused()
    {
        var ticket = CreatedAt(Shanghai(3, 10, 9, 0))
            .PublicReply(Shanghai(3, 10, 9, 30))
            .Status(TicketStatus.Solved, Shanghai(3, 10, 11, 0));

        var solved = Target(SlaTargetKind.Resolution, ticket, Shanghai(3, 10, 12, 0));
        var reopened = Target(SlaTargetKind.Resolution, ticket.Status(TicketStatus.Open, Shanghai(3, 10, 13, 0)), Shanghai(3, 10, 14, 0));

        Assert.Equal(SlaState.Met, solved.State);
        Assert.Equal(Shanghai(3, 10, 11, 0), solved.MetAtUtc);
        Assert.Equal(120, solved.ElapsedOpenMinutes);
        Assert.Empty(solved.Explanation.Pauses);
        Assert.Equal(SlaState.Active, reopened.State);
        Assert.Null(reopened.MetAtUtc);
        Assert.Equal(180, reopened.ElapsedOpenMinutes);
        Assert.Equal(120, reopened.PausedMinutes);
        Assert.Equal([new SlaPause(Shanghai(3, 10, 11, 0), Shanghai(3, 10, 13, 0), TicketStatus.Solved)], reopened.Explanation.Pauses);
        Assert.Equal(Shanghai(3, 11, 11, 0), reopened.DueAtUtc);
    }

    [Fact]
    public void A_customer_message_to_a_solved_ticket_starts_its_clocks_again()
    {
        var ticket = CreatedAt(Shanghai(3, 10, 9, 0))
            .PublicReply(Shanghai(3, 10, 9, 30))
            .Status(TicketStatus.Solved, Shanghai(3, 10, 11, 0))
            .CustomerMessage(Shanghai(3, 10, 13, 0));

        var resolution = Target(SlaTargetKind.Resolution, ticket, Shanghai(3, 10, 13, 30));
        var nextReply = Target(SlaTargetKind.NextReply, ticket, Shanghai(3, 10, 13, 30));

        Assert.Equal(SlaState.Active, resolution.State);
        Assert.Equal(150, resolution.ElapsedOpenMinutes);
        Assert.Equal(SlaState.Active, nextReply.State);
        Assert.Equal(30, nextReply.ElapsedOpenMinutes);
    }

    [Fact]
    public void A_customer_message_to_a_closed_ticket_does_not_reopen_it()
    {
        var ticket = CreatedAt(Shanghai(3, 10, 9, 0))
            .PublicReply(Shanghai(3, 10, 9, 30))
            .Status(TicketStatus.Closed, Shanghai(3, 10, 11, 0))
            .CustomerMessage(Shanghai(3, 10, 13, 0));

        var resolution = Target(SlaTargetKind.Resolution, ticket, Shanghai(3, 10, 14, 0));
        var nextReply = Target(SlaTargetKind.NextReply, ticket, Shanghai(3, 10, 14, 0));

        Assert.Equal(SlaState.Met, resolution.State);
        Assert.Equal(Shanghai(3, 10, 11, 0), resolution.MetAtUtc);
        Assert.Equal(SlaState.Met, nextReply.State);
        Assert.Equal(Shanghai(3, 10, 13, 0), nextReply.MetAtUtc);
        Assert.Equal(0, nextReply.ElapsedOpenMinutes);
    }

    [Fact]
    public void A_ticket_solved_without_a_reply_owes_no_first_response()
    {
        var ticket = CreatedAt(Shanghai(3, 10, 9, 0)).Status(TicketStatus.Solved, Shanghai(3, 10, 9, 30));

        var firstResponse = Target(SlaTargetKind.FirstResponse, ticket, Shanghai(3, 10, 12, 0));

        Assert.Equal(SlaState.Met, firstResponse.State);
        Assert.Equal(Shanghai(3, 10, 9, 30), firstResponse.MetAtUtc);
    }

    [Fact]
    public void Next_transition_is_the_nearest_warning_or_deadline_ahead()
    {
        var ticket = CreatedAt(Shanghai(3, 10, 9, 0));

        Assert.Equal(Shanghai(3, 10, 10, 36), SlaClock.NextTransitionUtc(ticket.Build(), Standard, NineToFive, Shanghai(3, 10, 9, 30)));
        Assert.Equal(Shanghai(3, 10, 11, 0), SlaClock.NextTransitionUtc(ticket.Build(), Standard, NineToFive, Shanghai(3, 10, 10, 40)));

        ticket.PublicReply(Shanghai(3, 10, 10, 50));
        Assert.Equal(Shanghai(3, 10, 15, 24), SlaClock.NextTransitionUtc(ticket.Build(), Standard, NineToFive, Shanghai(3, 10, 11, 0)));
    }

    [Fact]
    public void A_paused_ticket_has_no_next_transition()
    {
        var ticket = CreatedAt(Shanghai(3, 10, 9, 0))
            .PublicReply(Shanghai(3, 10, 9, 30))
            .Status(TicketStatus.PendingCustomer, Shanghai(3, 10, 10, 0));

        Assert.Null(SlaClock.NextTransitionUtc(ticket.Build(), Standard, NineToFive, Shanghai(3, 10, 12, 0)));
    }

    [Fact]
    public void A_policy_without_a_target_does_not_track_it()
    {
        var firstResponseOnly = new SlaPolicy { Name = "Chat", FirstResponse = new(TimeSpan.FromMinutes(5), SlaTimeMode.CalendarHours) };

        var statuses = SlaClock.Evaluate(CreatedAt(Shanghai(3, 10, 9, 0)).Build(), firstResponseOnly, NineToFive, Shanghai(3, 10, 9, 1));

        Assert.Equal(SlaTargetKind.FirstResponse, Assert.Single(statuses).Kind);
    }

    [Fact]
    public void A_timeline_out_of_time_order_or_not_in_utc_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            CreatedAt(Shanghai(3, 10, 9, 0)).PublicReply(Shanghai(3, 10, 10, 0)).InternalNote(Shanghai(3, 10, 9, 30)).Build());
        Assert.Throws<ArgumentException>(() =>
            CreatedAt(new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Unspecified)).Build());
    }
}
