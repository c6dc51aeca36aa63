using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.Analytics.Sources;
using EcomOps.Domain.Data;
using EcomOps.Domain.Notifications;
using EcomOps.Domain.Org;
using EcomOps.Domain.People;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.People;

/// <summary>
/// Appraisal on real SQLite with the training world's staff (director, CS supervisor and three agents, an operations
/// manager and specialist) and the harness clock (27 Nov 2026): figures from the KPI queries, steps by owner, visibility,
/// bad input, reminders.
/// </summary>
[Trait("Engines", "Both")]
public sealed class AppraisalDeskTests : IAsyncLifetime
{
    private TrainingWorld _world = default!;
    private static readonly DateOnly November = new(2026, 11, 1);

    public async Task InitializeAsync() => _world = await TrainingWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private AppraisalDesk Desk => _world.Harness.Get<AppraisalDesk>();
    private AppraisalQueries Queries => _world.Harness.Get<AppraisalQueries>();

    private static void Done<T>(Outcome<T> outcome) =>
        Assert.True(outcome.Succeeded, $"{outcome.Kind}: {string.Join(", ", outcome.Errors.Select(e => $"{e.Field}:{e.Code}"))}");

    private async Task<int> OpenCsNovemberAsync()
    {
        var opened = await Desk.OpenCycleAsync(_world.CsSupervisor, Team.CustomerService, AppraisalFrequency.Monthly, November);
        Done(opened);
        return opened.Value;
    }

    private async Task<Appraisal> AppraisalOfAsync(int cycleId, Actor person)
    {
        await using var db = _world.Harness.NewDb();
        var id = _world.IdOf(person);
        return await db.Set<Appraisal>().AsNoTracking().Include(a => a.Goals).Include(a => a.Corrections).SingleAsync(a => a.CycleId == cycleId && a.EmployeeId == id);
    }

    /// <summary>A ticket the agent answers after <paramref name="after"/> and solves.</summary>
    private async Task AnsweredTicketAsync(Actor agent, TimeSpan after)
    {
        var desk = _world.Harness.Get<TicketDesk>();
        var created = await desk.CreateAsync(agent, new TicketForm
        {
            Channel = TicketChannel.Email, CustomerName = "顾客", CustomerContact = "13800000000", Subject = "Where is my parcel", Category = TicketCategories.Other, Message = "Hello",
        });
        Done(created);
        Done(await desk.ClaimAsync(agent, created.Value));
        _world.Harness.Clock.Advance(after);
        Done(await desk.ReplyAsync(agent, created.Value, "Answer", (await _world.Harness.Get<TicketQueue>().FindAsync(created.Value))!.Version, TicketStatus.Solved));
    }

    /// <summary>The workbook's words: the keys themselves, in English dates.</summary>
    private static string Text(string key) => key == "Lists.Export.Culture" ? "en" : key;

    private static List<CriterionInput> Scores(int score) =>
        [.. AppraisalPolicy.DefaultQualitative.Select(q => new CriterionInput(q.Key, score, "ok"))];

    /// <summary>Takes an appraisal through self-assessment, scoring and calibration, to the interview.</summary>
    private async Task<Appraisal> ToInterviewAsync(int cycleId, Actor person, int headScore = 4, double adjustment = 0)
    {
        var a = await AppraisalOfAsync(cycleId, person);
        Done(await Desk.SubmitSelfAssessmentAsync(person, a.Id, a.Version, "I did my best", Scores(4)));
        a = await AppraisalOfAsync(cycleId, person);
        Done(await Desk.SubmitScoringAsync(_world.CsSupervisor, a.Id, a.Version, "Good quarter", Scores(headScore)));
        a = await AppraisalOfAsync(cycleId, person);
        Done(await Desk.CalibrateAsync(_world.Director, a.Id, a.Version, adjustment, adjustment == 0 ? null : "Team distribution"));
        return await AppraisalOfAsync(cycleId, person);
    }

    private async Task<Appraisal> CloseAsync(int cycleId, Actor person, int headScore = 4, double adjustment = 0)
    {
        var a = await ToInterviewAsync(cycleId, person, headScore, adjustment);
        Done(await Desk.RecordInterviewAsync(_world.CsSupervisor, a.Id, a.Version, "Fast replies", "Complaint follow-up", "Agreed",
            [new GoalInput("Follow up every complaint", "Complaint satisfaction ≥ 90%", new DateOnly(2027, 1, 31))]));
        return await AppraisalOfAsync(cycleId, person);
    }

    [Fact]
    public async Task The_quantitative_part_equals_the_kpi_sheet_for_the_same_person_and_period_and_stays_frozen_after_close()
    {
        await AnsweredTicketAsync(_world.Agent1, TimeSpan.FromMinutes(20));
        await AnsweredTicketAsync(_world.Agent1, TimeSpan.FromMinutes(40));
        var cycleId = await OpenCsNovemberAsync();

        var sheet = await _world.Harness.Get<KpiSheets>().BuildAsync(Team.CustomerService, ReportPeriod.Containing(PeriodKind.Month, November));
        var agentRow = sheet.Rows.Single(r => r.EmployeeId == _world.IdOf(_world.Agent1));
        var opened = await AppraisalOfAsync(cycleId, _world.Agent1);
        foreach (var line in opened.Quantitative)
        {
            var column = sheet.Columns.ToList().FindIndex(c => c.Metric.Key == line.MetricKey);
            var expected = sheet.Columns[column].Metric.PerEmployee ? agentRow.Cells[column].Value : sheet.Total.Cells[column].Value;
            Assert.Equal(expected, line.Value);
        }
        var resolution = opened.Quantitative.Single(l => l.MetricKey == ServiceMetricSource.ResolutionRate);
        Assert.Equal(1.0, resolution.Value);
        Assert.Equal(2, resolution.RecordTotal);
        Assert.Equal(100, resolution.Points);

        var closed = await CloseAsync(cycleId, _world.Agent1);
        Assert.Equal(AppraisalStage.Closed, closed.Stage);
        Assert.NotNull(closed.QuantitativeFrozenAtUtc);
        var frozen = closed.QuantitativeJson;

        // Later data: an unsolved ticket of the same month lowers the agent's resolution rate on the sheet, not in the closed appraisal.
        var desk = _world.Harness.Get<TicketDesk>();
        var late = await desk.CreateAsync(_world.Agent1, new TicketForm
        {
            Channel = TicketChannel.Email, CustomerName = "顾客", CustomerContact = "13800000001", Subject = "Refund", Category = TicketCategories.Other, Message = "Hi",
        });
        Done(await desk.ClaimAsync(_world.Agent1, late.Value));
        Done(await Desk.RefreshFiguresAsync(_world.CsSupervisor, cycleId));

        var after = await _world.Harness.Get<KpiSheets>().BuildAsync(Team.CustomerService, ReportPeriod.Containing(PeriodKind.Month, November));
        var column2 = after.Columns.ToList().FindIndex(c => c.Metric.Key == ServiceMetricSource.ResolutionRate);
        Assert.Equal(2.0 / 3, after.Rows.Single(r => r.EmployeeId == _world.IdOf(_world.Agent1)).Cells[column2].Value!.Value, 9);
        var reread = await AppraisalOfAsync(cycleId, _world.Agent1);
        Assert.Equal(frozen, reread.QuantitativeJson);
        Assert.Equal(closed.FinalScore, reread.FinalScore);
        // An appraisal still open follows the live data.
        var open = await AppraisalOfAsync(cycleId, _world.Agent2);
        Assert.Null(open.QuantitativeFrozenAtUtc);
    }

    [Fact]
    public async Task The_result_gives_a_grade_and_bonus_coefficient_from_the_bands_and_a_late_correction_is_recorded_with_its_reason()
    {
        var cycleId = await OpenCsNovemberAsync();
        var closed = await CloseAsync(cycleId, _world.Agent1, headScore: 5, adjustment: 0);

        // No tickets in November: the KPIs have no figure and are set aside, so the head's 5/5 is the whole score.
        Assert.Equal(100, closed.Score);
        Assert.Equal("S", closed.Grade);
        Assert.Equal(1.5m, closed.BonusCoefficient);
        Assert.Single(closed.Goals);

        Done(await Desk.CorrectAsync(_world.Director, closed.Id, closed.Version, -12, "Complaint found after close"));
        var corrected = await AppraisalOfAsync(cycleId, _world.Agent1);
        Assert.Equal(88, corrected.FinalScore);
        Assert.Equal("A", corrected.Grade);
        Assert.Equal(1.2m, corrected.BonusCoefficient);
        Assert.Equal("Complaint found after close", Assert.Single(corrected.Corrections).Reason);
        Assert.Equal(closed.QuantitativeJson, corrected.QuantitativeJson);

        var noReason = await Desk.CorrectAsync(_world.Director, corrected.Id, corrected.Version, 3, " ");
        Assert.Contains(noReason.Errors, e => e.Code == AppraisalErrors.ReasonNeeded);
        var bySupervisor = await Desk.CorrectAsync(_world.CsSupervisor, corrected.Id, corrected.Version, 3, "Why not");
        Assert.Contains(Actor.NotPermitted, bySupervisor.Errors);
    }

    [Fact]
    public async Task Each_step_is_done_only_by_its_owner()
    {
        var cycleId = await OpenCsNovemberAsync();
        var a = await AppraisalOfAsync(cycleId, _world.Agent1);

        Assert.Equal(OutcomeKind.NotFound, (await Desk.SubmitSelfAssessmentAsync(_world.Agent2, a.Id, a.Version, "mine now", Scores(5))).Kind);
        Assert.Contains((await Desk.SubmitSelfAssessmentAsync(_world.CsSupervisor, a.Id, a.Version, "for them", Scores(5))).Errors, e => e.Code == AppraisalErrors.NotYourStep);
        Assert.Contains((await Desk.SubmitScoringAsync(_world.CsSupervisor, a.Id, a.Version, "early", Scores(5))).Errors, e => e.Code == AppraisalErrors.WrongStage);
        Done(await Desk.SubmitSelfAssessmentAsync(_world.Agent1, a.Id, a.Version, "mine", Scores(4)));

        a = await AppraisalOfAsync(cycleId, _world.Agent1);
        Assert.Contains((await Desk.SubmitScoringAsync(_world.Agent1, a.Id, a.Version, "self-scored", Scores(5))).Errors, e => e.Code == AppraisalErrors.NotYourStep);
        Assert.Contains((await Desk.SubmitScoringAsync(_world.Director, a.Id, a.Version, "not the head", Scores(5))).Errors, e => e.Code == AppraisalErrors.NotYourStep);
        Assert.Equal(OutcomeKind.NotFound, (await Desk.SubmitScoringAsync(_world.OpsManager, a.Id, a.Version, "other team", Scores(5))).Kind);
        Done(await Desk.SubmitScoringAsync(_world.CsSupervisor, a.Id, a.Version, "good", Scores(4)));

        a = await AppraisalOfAsync(cycleId, _world.Agent1);
        Assert.Contains((await Desk.CalibrateAsync(_world.CsSupervisor, a.Id, a.Version, 5, "I like them")).Errors, e => e.Code == AppraisalErrors.NotYourStep);
        Done(await Desk.CalibrateAsync(_world.Director, a.Id, a.Version, 0, null));

        a = await AppraisalOfAsync(cycleId, _world.Agent1);
        Assert.Contains((await Desk.RecordInterviewAsync(_world.Director, a.Id, a.Version, "s", "w", null, [])).Errors, e => e.Code == AppraisalErrors.NotYourStep);
        Done(await Desk.RecordInterviewAsync(_world.CsSupervisor, a.Id, a.Version, "s", "w", null, []));

        a = await AppraisalOfAsync(cycleId, _world.Agent1);
        Assert.Contains((await Desk.AcknowledgeAsync(_world.Agent2, a.Id, a.Version, "not mine")).Errors, e => e.Code == AppraisalErrors.NotYourStep);
        Done(await Desk.AcknowledgeAsync(_world.Agent1, a.Id, a.Version, "Noted"));
        a = await AppraisalOfAsync(cycleId, _world.Agent1);
        Assert.Equal("Noted", a.AcknowledgementComment);
        Assert.Contains((await Desk.AcknowledgeAsync(_world.Agent1, a.Id, a.Version, "again")).Errors, e => e.Code == AppraisalErrors.Acknowledged);
    }

    [Fact]
    public async Task The_heads_own_appraisal_is_scored_by_the_director_not_by_themselves()
    {
        var cycleId = await OpenCsNovemberAsync();
        var mine = await AppraisalOfAsync(cycleId, _world.CsSupervisor);
        Done(await Desk.SubmitSelfAssessmentAsync(_world.CsSupervisor, mine.Id, mine.Version, "my month", Scores(4)));
        mine = await AppraisalOfAsync(cycleId, _world.CsSupervisor);

        Assert.Contains((await Desk.SubmitScoringAsync(_world.CsSupervisor, mine.Id, mine.Version, "great", Scores(5))).Errors, e => e.Code == AppraisalErrors.NotYourStep);
        Done(await Desk.SubmitScoringAsync(_world.Director, mine.Id, mine.Version, "steady", Scores(3)));
    }

    [Fact]
    public async Task An_agent_sees_only_their_own_appraisal_on_the_page_queries_and_on_the_export()
    {
        var cycleId = await OpenCsNovemberAsync();
        var other = await AppraisalOfAsync(cycleId, _world.Agent2);

        Assert.Null(await Queries.AppraisalAsync(_world.Agent1, other.Id));
        Assert.NotNull(await Queries.AppraisalAsync(_world.Agent2, other.Id));
        Assert.NotNull(await Queries.AppraisalAsync(_world.CsSupervisor, other.Id));
        Assert.NotNull(await Queries.AppraisalAsync(_world.Director, other.Id));
        Assert.Null(await Queries.AppraisalAsync(_world.OpsManager, other.Id));
        Assert.Empty(await Queries.HistoryAsync(_world.Agent1, _world.IdOf(_world.Agent2)));

        var agentView = await Queries.CycleAsync(_world.Agent1, cycleId);
        Assert.Equal([_world.IdOf(_world.Agent1)], agentView!.Rows.Select(r => r.EmployeeId));
        Assert.Null(agentView.Distribution);
        Assert.Equal(4, (await Queries.CycleAsync(_world.CsSupervisor, cycleId))!.Rows.Count);
        Assert.Null(await Queries.CycleAsync(_world.Specialist, cycleId));

        var export = await Queries.ExportAsync(_world.Agent1, cycleId, Text);
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(export!.Content));
        var sheet = book.Worksheets.First();
        var names = sheet.Column(1).CellsUsed().Skip(1).Select(c => c.GetString()).ToList();
        Assert.Equal(["刘洋"], names);
        Assert.Null(await Queries.ExportAsync(_world.Specialist, cycleId, Text));
        Assert.Equal(1, (await Queries.ExportAsync(_world.Agent1, cycleId, Text))!.Rows);
        Assert.Equal(4, (await Queries.ExportAsync(_world.Director, cycleId, Text))!.Rows);
    }

    [Fact]
    public async Task The_export_has_the_screens_scores_grades_and_coefficients_and_runs_no_formula()
    {
        var cycleId = await OpenCsNovemberAsync();
        var closed = await CloseAsync(cycleId, _world.Agent1, headScore: 3);
        var a = await AppraisalOfAsync(cycleId, _world.Agent2);
        Done(await Desk.SubmitSelfAssessmentAsync(_world.Agent2, a.Id, a.Version, "=HYPERLINK(\"http://x\")", Scores(3)));
        await using (var db = _world.Harness.NewDb())
        {
            var agent2 = await db.Employees.SingleAsync(e => e.Id == _world.IdOf(_world.Agent2));
            agent2.FullName = "=1+1";
            await db.SaveChangesAsync();
        }

        var view = await Queries.CycleAsync(_world.Director, cycleId);
        var export = await Queries.ExportAsync(_world.Director, cycleId, Text);
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(export!.Content));
        var sheet = book.Worksheets.First();
        var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "刘洋");
        var screen = view!.Rows.Single(r => r.EmployeeId == _world.IdOf(_world.Agent1));
        Assert.Equal(screen.FinalScore, row.Cell(7).GetDouble());
        Assert.Equal(closed.Grade, row.Cell(8).GetString());
        Assert.Equal((double)closed.BonusCoefficient!.Value, row.Cell(9).GetDouble());
        var formulaRow = sheet.RowsUsed().Single(r => r.Cell(1).GetString().Contains("1+1"));
        Assert.False(formulaRow.Cell(1).HasFormula);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_code_and_nothing_is_saved()
    {
        var template = (await Queries.TemplatesAsync()).Single(t => t.Team == Team.CustomerService);
        var heavy = template.Quantitative.Select((q, i) => i == 0 ? q with { WeightPercent = q.WeightPercent + 5 } : q).ToList();
        var weights = await Desk.SaveTemplateAsync(_world.Director, Team.CustomerService, template.Version, heavy, template.Qualitative);
        Assert.Contains(weights.Errors, e => e.Code == AppraisalErrors.WeightsNotHundred);
        var otherTeam = await Desk.SaveTemplateAsync(_world.Director, Team.CustomerService, template.Version,
            [.. template.Quantitative.Take(4), new QuantitativeCriterion(SalesMetricSource.Conversion, 10, 0.01, 0.04)], template.Qualitative);
        Assert.Contains(otherTeam.Errors, e => e.Code == AppraisalErrors.MetricNotOfTeam);
        Assert.Contains((await Desk.SaveTemplateAsync(_world.CsSupervisor, Team.CustomerService, template.Version, template.Quantitative, template.Qualitative)).Errors,
            e => e == Actor.NotPermitted);
        Assert.Equal(template.QuantitativeJson, (await Queries.TemplatesAsync()).Single(t => t.Team == Team.CustomerService).QuantitativeJson);

        var cycleId = await OpenCsNovemberAsync();
        var a = await AppraisalOfAsync(cycleId, _world.Agent1);
        var outOfRange = await Desk.SubmitSelfAssessmentAsync(_world.Agent1, a.Id, a.Version, "too good", Scores(6));
        Assert.Contains(outOfRange.Errors, e => e.Code == AppraisalErrors.ScoreRange);
        Assert.Equal(AppraisalStage.SelfAssessment, (await AppraisalOfAsync(cycleId, _world.Agent1)).Stage);

        var cycle = (await Queries.CyclesAsync(_world.Director)).Single(c => c.Id == cycleId);
        Assert.Contains((await Desk.CloseCycleAsync(_world.Director, cycleId, cycle.Version)).Errors, e => e.Code == AppraisalErrors.StepsOpen);

        a = await AppraisalOfAsync(cycleId, _world.Agent1);
        Done(await Desk.SubmitSelfAssessmentAsync(_world.Agent1, a.Id, a.Version, "ok", Scores(4)));
        a = await AppraisalOfAsync(cycleId, _world.Agent1);
        Done(await Desk.SubmitScoringAsync(_world.CsSupervisor, a.Id, a.Version, "ok", Scores(4)));
        a = await AppraisalOfAsync(cycleId, _world.Agent1);
        var noReason = await Desk.CalibrateAsync(_world.Director, a.Id, a.Version, 5, "");
        Assert.Contains(noReason.Errors, e => e.Code == AppraisalErrors.ReasonNeeded);
        var tooFar = await Desk.CalibrateAsync(_world.Director, a.Id, a.Version, 25, "Exceptional");
        Assert.Contains(tooFar.Errors, e => e.Code == AppraisalErrors.AdjustmentRange);
        Assert.Equal(OutcomeKind.Conflict, (await Desk.CalibrateAsync(_world.Director, a.Id, a.Version - 1, 2, "Stale")).Kind);
        Assert.Equal(AppraisalStage.Calibration, (await AppraisalOfAsync(cycleId, _world.Agent1)).Stage);

        Done(await Desk.CalibrateAsync(_world.Director, a.Id, a.Version, 2, "Handled the peak"));
        a = await AppraisalOfAsync(cycleId, _world.Agent1);
        var badGoal = await Desk.RecordInterviewAsync(_world.CsSupervisor, a.Id, a.Version, "s", "", null, [new GoalInput("Faster", "", new DateOnly(2026, 11, 1))]);
        Assert.Contains(badGoal.Errors, e => e.Field == "Weaknesses");
        Assert.Contains(badGoal.Errors, e => e.Code == AppraisalErrors.GoalDate);
        Assert.Contains(badGoal.Errors, e => e.Field == "Goals[0].Measure");
        var still = await AppraisalOfAsync(cycleId, _world.Agent1);
        Assert.Equal(AppraisalStage.Interview, still.Stage);
        Assert.Empty(still.Goals);

        Assert.Contains((await Desk.OpenCycleAsync(_world.CsSupervisor, Team.CustomerService, AppraisalFrequency.Monthly, November)).Errors, e => e.Code == AppraisalErrors.CycleExists);
        Assert.Contains((await Desk.OpenCycleAsync(_world.CsSupervisor, Team.Operations, AppraisalFrequency.Monthly, November)).Errors, e => e.Code == AppraisalErrors.NotYourTeam);
        Assert.Contains((await Desk.OpenCycleAsync(_world.Director, Team.Operations, AppraisalFrequency.Monthly, new DateOnly(2027, 1, 5))).Errors,
            e => e.Code == AppraisalErrors.PeriodNotStarted);
        Assert.Contains((await Desk.SaveGradingAsync(_world.Director, 0, [new GradeBand("A", 80, 1.2m), new GradeBand("B", 90, 1m)], 30)).Errors,
            e => e.Code == AppraisalErrors.BandsOrder);
    }

    [Fact]
    public async Task The_distribution_warns_when_the_top_two_grades_hold_more_than_the_limit()
    {
        var cycleId = await OpenCsNovemberAsync();
        foreach (var agent in new[] { _world.Agent1, _world.Agent2 })
        {
            await ToInterviewAsync(cycleId, agent, headScore: 5);
        }

        var view = await Queries.CycleAsync(_world.Director, cycleId);

        Assert.True(view!.Distribution!.TopHeavy);
        Assert.Equal(2, view.Distribution.Grades.Single(g => g.Band.Grade == "S").Count);
        Assert.All(view.Rows.Where(r => r.Grade is not null), r => Assert.False(r.GradeIsFinal));
    }

    [Fact]
    public async Task Each_steps_owner_is_reminded_before_its_deadline_once()
    {
        var cycleId = await OpenCsNovemberAsync();
        var reminders = _world.Harness.Get<AppraisalReminders>();
        Assert.Equal(0, await reminders.RunAsync());

        // Self-assessment is due five days after opening: two days before, each agent (and the supervisor) is reminded.
        _world.Harness.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(4, await reminders.RunAsync());
        Assert.Equal(0, await reminders.RunAsync());
        var notice = Assert.Single(await _world.NoticesAsync(_world.Agent1, "appraisal:"), n => n.TextKey == "Notice.AppraisalStepDue");
        Assert.Equal(NotificationKind.AppraisalStep, notice.Kind);

        var a = await AppraisalOfAsync(cycleId, _world.Agent1);
        Done(await Desk.SubmitSelfAssessmentAsync(_world.Agent1, a.Id, a.Version, "done", Scores(4)));
        _world.Harness.Clock.Advance(TimeSpan.FromDays(5));
        await reminders.RunAsync();
        Assert.Single(await _world.NoticesAsync(_world.CsSupervisor, $"appraisal:{a.Id}:HeadScoring"));
    }
}
