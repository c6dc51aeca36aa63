using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Complaints;
using EcomOps.Domain.Service.Sla;

namespace EcomOps.Tests.Service.Complaints;

public sealed class ComplaintRulesTests
{
    private static readonly BusinessCalendar Calendar = ServiceSla.Default().Calendar;
    private static readonly ComplaintSettings Settings = new();

    // 2026-11-27 10:00 in Shanghai.
    private static readonly DateTime Start = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    private static ComplaintCase NewCase(DateTime? receivedAt = null)
    {
        var c = new ComplaintCase { ComplainantName = "王芳", Contact = "13900000000", Matter = "收到的杯子碎了" };
        ComplaintRules.Record(c, receivedAt ?? Start, Calendar, Settings);
        return c;
    }

    private static MeasureForm Measure(DateTime deadline) => new("补发新杯子", 7, deadline, "客户收到完好的杯子");

    [Fact]
    public void A_case_walks_record_investigate_solution_unsatisfied_follow_up_new_round_satisfied_close()
    {
        var c = NewCase();
        Assert.Equal(ComplaintStage.Recorded, c.Stage);

        ComplaintRules.Respond(c, "已致歉", Start.AddMinutes(30));
        Assert.Equal(ComplaintStage.Investigating, c.Stage);

        ComplaintRules.Investigate(c, new InvestigationForm(ComplaintRootCause.Packaging, ComplaintDepartment.Warehouse, 3, null), Start.AddHours(2));
        Assert.Equal(ComplaintStage.SolutionInProgress, c.Stage);
        Assert.Equal(1, c.CurrentRound);

        var first = ComplaintRules.AddMeasure(c, Measure(Start.AddDays(1)));
        Assert.Equal(first.DeadlineUtc, c.NextDueUtc);
        ComplaintRules.CompleteMeasure(c, first, "已补发", Start.AddHours(5), Calendar, Settings);
        Assert.Equal(ComplaintStage.AwaitingFollowUp, c.Stage);
        Assert.NotNull(c.Round!.FollowUpDueUtc);
        Assert.Equal("FollowUpRequired", ComplaintRules.Refusal(c, ComplaintStep.Close));

        ComplaintRules.FollowUp(c, FollowUpVerdict.NotSatisfied, "还是碎的", Start.AddHours(8));
        Assert.Equal(ComplaintStage.SolutionInProgress, c.Stage);
        Assert.Equal(2, c.CurrentRound);
        Assert.Equal(1, c.ReopenCount);
        Assert.Equal(FollowUpVerdict.NotSatisfied, c.Rounds[0].Verdict);

        var second = ComplaintRules.AddMeasure(c, Measure(Start.AddDays(2)));
        ComplaintRules.CompleteMeasure(c, second, "已退款", Start.AddHours(20), Calendar, Settings);
        ComplaintRules.FollowUp(c, FollowUpVerdict.Satisfied, null, Start.AddHours(22));
        Assert.True(ComplaintRules.Allows(c, ComplaintStep.Close));
        ComplaintRules.Close(c, Start.AddHours(23));

        Assert.Equal(ComplaintStage.Closed, c.Stage);
        Assert.Equal(Start.AddHours(23), c.ClosedAtUtc);
        Assert.Null(c.NextDueUtc);
        Assert.Equal([1, 2], c.Rounds.Select(r => r.Number));
        Assert.All(c.Rounds, r => Assert.Single(r.Measures));
    }

    [Fact]
    public void Closing_without_a_follow_up_is_refused_at_every_stage()
    {
        var c = NewCase();
        Assert.Equal("FollowUpRequired", ComplaintRules.Refusal(c, ComplaintStep.Close));
        ComplaintRules.Respond(c, null, Start);
        Assert.Equal("FollowUpRequired", ComplaintRules.Refusal(c, ComplaintStep.Close));
        ComplaintRules.Investigate(c, new InvestigationForm(ComplaintRootCause.Other, ComplaintDepartment.Supplier, 1, null), Start);
        var m = ComplaintRules.AddMeasure(c, Measure(Start.AddDays(1)));
        Assert.Equal("FollowUpRequired", ComplaintRules.Refusal(c, ComplaintStep.Close));
        ComplaintRules.CompleteMeasure(c, m, null, Start.AddHours(1), Calendar, Settings);
        Assert.Equal("FollowUpRequired", ComplaintRules.Refusal(c, ComplaintStep.Close));
        Assert.Throws<InvalidOperationException>(() => ComplaintRules.Close(c, Start.AddHours(2)));
    }

    [Fact]
    public void Steps_out_of_order_are_refused()
    {
        var c = NewCase();
        Assert.Equal("RespondFirst", ComplaintRules.Refusal(c, ComplaintStep.Investigate));
        Assert.Equal("NotInSolution", ComplaintRules.Refusal(c, ComplaintStep.AddMeasure));
        Assert.Equal("MeasuresNotDone", ComplaintRules.Refusal(c, ComplaintStep.FollowUp));
        ComplaintRules.Respond(c, null, Start);
        Assert.Equal("AlreadyResponded", ComplaintRules.Refusal(c, ComplaintStep.Respond));
    }

    [Fact]
    public void First_response_is_due_two_business_hours_after_receipt()
    {
        Assert.Equal(Start.AddHours(2), NewCase().FirstResponseDueUtc);

        // Received 22:30 in Shanghai: half an hour that evening, the rest from 09:00 next morning.
        var late = NewCase(new DateTime(2026, 11, 27, 14, 30, 0, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2026, 11, 28, 2, 30, 0, DateTimeKind.Utc), late.FirstResponseDueUtc);
        Assert.Equal(late.FirstResponseDueUtc, late.NextDueUtc);
    }

    [Fact]
    public void First_response_target_follows_the_configured_business_time()
    {
        var c = new ComplaintCase { ComplainantName = "A", Contact = "B", Matter = "C" };
        ComplaintRules.Record(c, Start, Calendar, new ComplaintSettings { FirstResponseWithin = TimeSpan.FromHours(30) });
        // 13 business hours left today (10:00–23:00), 14 tomorrow, 3 the day after: 12:00 on the 29th in Shanghai.
        Assert.Equal(new DateTime(2026, 11, 29, 4, 0, 0, DateTimeKind.Utc), c.FirstResponseDueUtc);
    }

    [Fact]
    public void A_measure_is_overdue_only_when_past_its_deadline_and_not_done()
    {
        var m = new ComplaintMeasure { Description = "x", ExpectedOutcome = "y", DeadlineUtc = Start };
        Assert.False(ComplaintRules.IsOverdue(m, Start));
        Assert.True(ComplaintRules.IsOverdue(m, Start.AddSeconds(1)));
        m.DoneAtUtc = Start.AddHours(1);
        Assert.False(ComplaintRules.IsOverdue(m, Start.AddHours(2)));
    }

    [Fact]
    public void A_new_measure_after_all_were_done_takes_the_case_back_to_the_solution_stage()
    {
        var c = NewCase();
        ComplaintRules.Respond(c, null, Start);
        ComplaintRules.Investigate(c, new InvestigationForm(ComplaintRootCause.Other, ComplaintDepartment.Logistics, 1, null), Start);
        var m = ComplaintRules.AddMeasure(c, Measure(Start.AddDays(1)));
        ComplaintRules.CompleteMeasure(c, m, null, Start.AddHours(1), Calendar, Settings);
        ComplaintRules.AddMeasure(c, Measure(Start.AddDays(2)));
        Assert.Equal(ComplaintStage.SolutionInProgress, c.Stage);
        Assert.Null(c.Round!.FollowUpDueUtc);
        Assert.Equal(Start.AddDays(2), c.NextDueUtc);
    }

    [Fact]
    public void Form_errors_name_their_fields()
    {
        var errors = ComplaintRules.Check(new ComplaintForm { Channel = TicketChannel.Email, ReceivedAtUtc = Start.AddHours(1) }, Start);
        Assert.Equal(["ComplainantName", "Contact", "Matter", "ReceivedAt"], errors.Select(e => e.Field));
        var measure = ComplaintRules.Check(new MeasureForm("", null, Start.AddHours(-1), ""), Start);
        Assert.Equal(["Description:Required", "ExpectedOutcome:Required", "Owner:Required", "Deadline:DeadlinePassed"], measure.Select(e => $"{e.Field}:{e.Code}"));
    }

    [Theory]
    [InlineData(31, 30, SlaBadge.Ok)]
    [InlineData(30, 30, SlaBadge.Warning)]
    [InlineData(0, 30, SlaBadge.Breached)]
    [InlineData(50, 60, SlaBadge.Warning)]
    public void A_complaint_deadline_turns_to_a_warning_in_its_configured_last_stretch_and_breached_once_passed(int minutesLeft, int warnMinutes, SlaBadge badge)
    {
        var settings = new ComplaintSettings { WarnBefore = TimeSpan.FromMinutes(warnMinutes) };
        var due = Start.AddHours(3);

        Assert.Equal(badge, ComplaintRules.BadgeOf(due, due.AddMinutes(-minutesLeft), settings));
        Assert.Equal(due.AddMinutes(-warnMinutes), ComplaintRules.WarningAt(due, settings));
    }
}
