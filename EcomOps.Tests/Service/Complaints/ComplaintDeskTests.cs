using ClosedXML.Excel;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Complaints;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Service.Complaints;

public sealed class ComplaintDeskTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;
    private Actor _supervisor = default!;
    private int _agentId;
    private int _supervisorId;

    private ComplaintDesk Desk => _harness.Get<ComplaintDesk>();

    private ComplaintQueries Queries => _harness.Get<ComplaintQueries>();

    private DateTime Now => _harness.Clock.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        await using var db = _harness.NewDb();
        var user = await db.Users.SingleAsync(u => u.UserName == "cssupervisor@ecomops.local");
        _supervisor = new Actor(user.Id, user.UserName!);
        _supervisorId = (await db.Employees.SingleAsync(e => e.Email == "cssupervisor@ecomops.local")).Id;
        _agentId = (await db.Employees.SingleAsync(e => e.Email == "agent@ecomops.local")).Id;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static ComplaintForm Form(string matter = "杯子碎了", string? product = "SKU-MUG-014", TicketChannel channel = TicketChannel.Hotline) => new()
    {
        ComplainantName = "王芳",
        Contact = "13900000000",
        Channel = channel,
        Matter = matter,
        Product = product,
        OrderReference = "TB-2051000001",
    };

    private async Task<long> VersionOf(int id) => (await Queries.FindAsync(id))!.Version;

    /// <summary>Records a case and takes it to the solution stage with one measure due in a day.</summary>
    private async Task<(int Id, int MeasureId)> InSolutionAsync(ComplaintForm? form = null, ComplaintRootCause cause = ComplaintRootCause.Packaging, ComplaintDepartment department = ComplaintDepartment.Warehouse)
    {
        var id = (await Desk.RecordAsync(_supervisor, form ?? Form())).Value;
        Assert.True((await Desk.RespondAsync(_supervisor, id, "已致歉", await VersionOf(id))).Succeeded);
        Assert.True((await Desk.InvestigateAsync(_supervisor, id, new InvestigationForm(cause, department, _agentId, "仓库打包不当"), await VersionOf(id))).Succeeded);
        Assert.True((await Desk.AddMeasureAsync(_supervisor, id, new MeasureForm("补发新杯子", _agentId, Now.AddDays(1), "客户收到完好的杯子"), await VersionOf(id))).Succeeded);
        var measure = (await Queries.FindAsync(id))!.Round!.Measures.Single();
        return (id, measure.Id);
    }

    [Fact]
    public async Task A_complaint_goes_through_an_unsatisfied_follow_up_into_a_second_round_and_closes_satisfied()
    {
        var (id, measureId) = await InSolutionAsync();
        Assert.True((await Desk.CompleteMeasureAsync(_supervisor, id, measureId, "已补发", await VersionOf(id))).Succeeded);

        var refused = await Desk.CloseAsync(_supervisor, id, await VersionOf(id));
        Assert.Equal(OutcomeKind.Invalid, refused.Kind);
        Assert.Equal(new FieldError("Stage", "FollowUpRequired"), Assert.Single(refused.Errors));

        Assert.True((await Desk.FollowUpAsync(_supervisor, id, FollowUpVerdict.NotSatisfied, "还是碎的", await VersionOf(id))).Succeeded);
        var reopened = (await Queries.FindAsync(id))!;
        Assert.Equal((ComplaintStage.SolutionInProgress, 2, 1), (reopened.Stage, reopened.CurrentRound, reopened.ReopenCount));

        Assert.True((await Desk.AddMeasureAsync(_supervisor, id, new MeasureForm("全额退款", _supervisorId, Now.AddDays(1), "客户收到退款"), await VersionOf(id))).Succeeded);
        var second = (await Queries.FindAsync(id))!.Round!.Measures.Single();
        Assert.True((await Desk.CompleteMeasureAsync(_supervisor, id, second.Id, "已退款", await VersionOf(id))).Succeeded);
        Assert.True((await Desk.FollowUpAsync(_supervisor, id, FollowUpVerdict.Satisfied, null, await VersionOf(id))).Succeeded);
        Assert.True((await Desk.CloseAsync(_supervisor, id, await VersionOf(id))).Succeeded);

        var closed = (await Queries.FindAsync(id))!;
        Assert.Equal(ComplaintStage.Closed, closed.Stage);
        Assert.Equal([FollowUpVerdict.NotSatisfied, FollowUpVerdict.Satisfied], closed.Rounds.Select(r => r.Verdict!.Value));
        Assert.Equal(["补发新杯子", "全额退款"], closed.Rounds.SelectMany(r => r.Measures).Select(m => m.Description));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_as_a_conflict_and_writes_nothing()
    {
        var id = (await Desk.RecordAsync(_supervisor, Form())).Value;
        var stale = await VersionOf(id);
        Assert.True((await Desk.RespondAsync(_supervisor, id, "first", stale)).Succeeded);

        var outcome = await Desk.InvestigateAsync(_supervisor, id, new InvestigationForm(ComplaintRootCause.Other, ComplaintDepartment.Supplier, _agentId, null), stale);

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Equal(ComplaintStage.Investigating, (await Queries.FindAsync(id))!.Stage);
    }

    [Fact]
    public async Task Recording_checks_the_linked_ticket_exists_and_sets_the_first_response_due_in_business_hours()
    {
        var unknown = await Desk.RecordAsync(_supervisor, Form() with { TicketId = 999 });
        Assert.Equal(new FieldError("TicketId", "TicketUnknown"), Assert.Single(unknown.Errors));

        // Received at 22:30 in Shanghai: 30 minutes that evening, 90 from 09:00 next morning.
        var id = (await Desk.RecordAsync(_supervisor, Form() with { ReceivedAtUtc = new DateTime(2026, 11, 26, 14, 30, 0, DateTimeKind.Utc) })).Value;
        var c = (await Queries.FindAsync(id))!;
        Assert.Equal(new DateTime(2026, 11, 27, 2, 30, 0, DateTimeKind.Utc), c.FirstResponseDueUtc);
        Assert.Equal(ComplaintTimer.FirstResponse, Assert.Single(await Queries.BoardAsync()).Timer);
    }

    [Fact]
    public async Task Overdue_measures_are_flagged_and_alerted_once_only()
    {
        var (id, measureId) = await InSolutionAsync();
        var alerts = new List<LiveChange>();
        using var _ = _harness.Feed.Subscribe(c => { if (c.Entity == ComplaintDesk.OverdueAlertEntity) { alerts.Add(c); } return Task.CompletedTask; }, Boards.Complaints);

        Assert.Empty(await Desk.FlagOverdueMeasuresAsync());
        _harness.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var first = await Desk.FlagOverdueMeasuresAsync();
        var second = await Desk.FlagOverdueMeasuresAsync();

        var alert = Assert.Single(first);
        Assert.Equal((id, measureId, _agentId), (alert.CaseId, alert.MeasureId, alert.OwnerId));
        Assert.Equal(_supervisorId, alert.SupervisorId);
        Assert.Empty(second);
        Assert.Equal(measureId.ToString(), Assert.Single(alerts).Key);
        var row = Assert.Single(await Queries.BoardAsync());
        Assert.Equal((ComplaintTimer.Measure, 1), (row.Timer, row.OverdueMeasures));
    }

    [Fact]
    public async Task Two_people_of_the_same_name_are_told_apart_in_the_pickers_by_number_and_team()
    {
        var directory = _harness.Get<EmployeeDirectory>();
        foreach (var (number, role) in new[] { ("E901", Roles.CsAgent), ("E902", Roles.OperationsSpecialist) })
        {
            Assert.True((await directory.CreateAsync(Actor.System, new EmployeeForm
            {
                EmployeeNumber = number, FullName = "王伟 Wang Wei", Email = $"{number}@ecomops.local", Role = role, HireDate = new DateOnly(2026, 3, 2), Password = "welcome123",
            })).Succeeded);
        }

        var wangs = (await Queries.PeopleAsync()).Where(p => p.Name == "王伟 Wang Wei").ToList();

        Assert.Equal([("E901", Team.CustomerService), ("E902", Team.Operations)], wangs.Select(p => (p.EmployeeNumber, p.Team)).ToList());
    }

    [Fact]
    public async Task A_measure_is_marked_done_only_with_what_came_of_it()
    {
        var (id, measureId) = await InSolutionAsync(Form(product: "SKU-A"), ComplaintRootCause.Packaging, ComplaintDepartment.Warehouse);

        var bare = await Desk.CompleteMeasureAsync(_supervisor, id, measureId, "  ", await VersionOf(id));

        Assert.Equal(new FieldError("Result", "MeasureResultRequired"), Assert.Single(bare.Errors));
        Assert.Null((await Queries.FindAsync(id))!.Round!.Measures.Single().DoneAtUtc);
        Assert.True((await Desk.CompleteMeasureAsync(_supervisor, id, measureId, "已补发，客户签收", await VersionOf(id))).Succeeded);
    }

    [Fact]
    public async Task The_analysis_counts_a_known_set_by_cause_department_product_and_channel()
    {
        var (a, am) = await InSolutionAsync(Form(product: "SKU-A"), ComplaintRootCause.Packaging, ComplaintDepartment.Warehouse);
        await InSolutionAsync(Form(product: "SKU-A", channel: TicketChannel.Email), ComplaintRootCause.LateDelivery, ComplaintDepartment.Logistics);
        await Desk.RecordAsync(_supervisor, Form(product: "SKU-B", channel: TicketChannel.Email));
        Assert.True((await Desk.CompleteMeasureAsync(_supervisor, a, am, "已补发", await VersionOf(a))).Succeeded);
        Assert.True((await Desk.FollowUpAsync(_supervisor, a, FollowUpVerdict.NotSatisfied, null, await VersionOf(a))).Succeeded);
        Assert.True((await Desk.AddMeasureAsync(_supervisor, a, new MeasureForm("退款", _agentId, Now.AddHours(3), "满意"), await VersionOf(a))).Succeeded);
        _harness.Clock.Advance(TimeSpan.FromHours(2));
        var second = (await Queries.FindAsync(a))!.Round!.Measures.Single();
        Assert.True((await Desk.CompleteMeasureAsync(_supervisor, a, second.Id, "已退款", await VersionOf(a))).Succeeded);
        Assert.True((await Desk.FollowUpAsync(_supervisor, a, FollowUpVerdict.Satisfied, null, await VersionOf(a))).Succeeded);
        Assert.True((await Desk.CloseAsync(_supervisor, a, await VersionOf(a))).Succeeded);

        var analysis = await Queries.AnalyzeAsync(Now.AddDays(-1), Now.AddDays(1));

        Assert.Equal((3, 1, 1), (analysis.Total, analysis.Closed, analysis.Reopened));
        Assert.Equal(1.0 / 3, analysis.ReopenRate, 6);
        Assert.Equal(["Packaging:1", "LateDelivery:1", "-:1"], analysis.ByRootCause.Select(c => $"{c.Key}:{c.Count}").OrderBy(k => k == "-:1").ThenBy(k => k != "Packaging:1"));
        Assert.Contains(new CountBy("Warehouse", 1), analysis.ByDepartment);
        Assert.Equal([new CountBy("SKU-A", 2), new CountBy("SKU-B", 1)], analysis.ByProduct);
        Assert.Equal([new CountBy("Email", 2), new CountBy("Hotline", 1)], analysis.ByChannel);
        Assert.Equal(2.0, analysis.MedianHoursToClose!.Value, 3);
        Assert.Equal(2.0, analysis.AverageHoursToClose!.Value, 3);
        Assert.Empty((await Queries.AnalyzeAsync(Now.AddDays(1), Now.AddDays(2))).Cases);
    }

    [Fact]
    public async Task The_analysis_workbook_reopens_with_its_sheets_values_and_a_neutralised_formula()
    {
        await Desk.RecordAsync(_supervisor, Form(matter: "=HYPERLINK(\"http://evil\",\"click\")", product: "+SKU"));
        var analysis = await Queries.AnalyzeAsync(Now.AddDays(-1), Now.AddDays(1));

        var bytes = ComplaintAnalysisWorkbook.Build(analysis, key => key, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var summary = workbook.Worksheet(ComplaintAnalysisWorkbook.SummarySheet);
        Assert.Equal("Complaints.Analysis.Total", summary.Cell(3, 1).GetString());
        Assert.Equal(1, summary.Cell(3, 2).GetDouble());
        var cases = workbook.Worksheet(ComplaintAnalysisWorkbook.CasesSheet);
        Assert.Equal("Complaints.Matter", cases.Cell(1, 5).GetString());
        var matter = cases.Cell(2, 5);
        Assert.False(matter.HasFormula);
        Assert.Equal("=HYPERLINK(\"http://evil\",\"click\")", matter.GetString());
        Assert.True(matter.Style.IncludeQuotePrefix);
        Assert.True(cases.Cell(2, 6).Style.IncludeQuotePrefix);
        Assert.Equal(1, cases.SheetView.SplitRow);
        Assert.True(cases.Column(5).Width > 20);
    }

    [Fact]
    public async Task Standard_demo_data_has_about_150_cases_at_every_stage_over_90_days_and_minimal_has_none()
    {
        var area = new ComplaintDemoData(_harness.Get<ServiceSla>(), new ComplaintSettings(), _harness.Clock);
        await using (var db = _harness.NewDb())
        {
            await area.SeedAsync(db, DemoSize.Minimal, new Random(1), default);
            Assert.Equal(0, await db.ComplaintCases.CountAsync());
            await area.SeedAsync(db, DemoSize.Standard, new Random(1), default);
        }

        await using var check = _harness.NewDb();
        var cases = await check.ComplaintCases.Include(c => c.Rounds).ToListAsync();
        Assert.InRange(cases.Count, 140, 160);
        Assert.Equal(Enum.GetValues<ComplaintStage>().Order(), cases.Select(c => c.Stage).Distinct().Order());
        Assert.Contains(cases, c => c.ReopenCount > 0 && c.Stage == ComplaintStage.Closed && c.Rounds.Count == 2);
        Assert.All(cases, c => Assert.InRange(c.ReceivedAtUtc, Now.AddDays(-91), Now));
        Assert.All(cases.Where(c => c.Stage == ComplaintStage.Closed), c => Assert.Equal(FollowUpVerdict.Satisfied, c.Rounds.Single(r => r.Number == c.CurrentRound).Verdict));
    }
}
