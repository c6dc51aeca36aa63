using System.Globalization;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.Analytics.Sources;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Analytics;

public sealed class KpiSheetTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;
    private Actor _agent = default!;
    private int _agentId;
    private Actor _manager = default!;

    // The harness clock stands at 2026-11-27; the tickets below are made today, in November.
    private static readonly ReportPeriod November = ReportPeriod.Containing(PeriodKind.Month, new DateOnly(2026, 11, 1));

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        await using var db = _harness.NewDb();
        var user = await db.Users.SingleAsync(u => u.UserName == "agent@ecomops.local");
        _agent = new Actor(user.Id, user.UserName!);
        _agentId = (await db.Employees.SingleAsync(e => e.UserId == user.Id)).Id;
        var manager = await db.Users.SingleAsync(u => u.UserName == "opsmanager@ecomops.local");
        _manager = new Actor(manager.Id, manager.UserName!);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    /// <summary>The keys themselves, except the two formats the workbook fills in.</summary>
    private static string Text(string key) => key switch
    {
        "Kpi.Workbook.PeriodLine" => "{0} ({1}) {2} {3}",
        "Kpi.Workbook.SourcesCap" => "cap {0}",
        _ => key,
    };

    private async Task AnsweredTicketAsync(string subject, TimeSpan answerAfter)
    {
        var desk = _harness.Get<TicketDesk>();
        var id = (await desk.CreateAsync(_agent, new TicketForm
        {
            Channel = TicketChannel.Email, CustomerName = "=HYPERLINK(\"http://x\")", CustomerContact = "13800000000", Subject = subject, Category = TicketCategories.Other, Message = "Hello",
        })).Value;
        await desk.ClaimAsync(_agent, id);
        _harness.Clock.Advance(answerAfter);
        await desk.ReplyAsync(_agent, id, "Answer", (await _harness.Get<TicketQueue>().FindAsync(id))!.Version, TicketStatus.Solved);
    }

    [Fact]
    public async Task A_sheet_has_a_row_per_employee_with_targets_attainment_and_the_team_total()
    {
        await AnsweredTicketAsync("+cmd|' /C calc'!A0", TimeSpan.FromMinutes(30));
        await AnsweredTicketAsync("Where is my parcel", TimeSpan.FromMinutes(90));
        await _harness.Get<KpiTargets>().SetAsync(_manager, Team.CustomerService, PeriodKind.Month, ServiceMetricSource.FirstResponse, 50,
            (await _harness.Get<KpiTargets>().ListAsync(Team.CustomerService, PeriodKind.Month)).Single(t => t.MetricKey == ServiceMetricSource.FirstResponse).Version);

        var sheet = await _harness.Get<KpiSheets>().BuildAsync(Team.CustomerService, November);

        var column = sheet.Columns.ToList().FindIndex(c => c.Metric.Key == ServiceMetricSource.FirstResponse);
        var mine = sheet.Rows.Single(r => r.EmployeeId == _agentId);
        Assert.Equal(60, mine.Cells[column].Value);
        Assert.Equal(50.0 / 60, mine.Cells[column].Attainment!.Value, 9);
        Assert.Equal(60, sheet.Total.Cells[column].Value);
        Assert.True(sheet.HasData);
        await using var db = _harness.NewDb();
        Assert.Equal(await db.Employees.CountAsync(e => e.Team == Team.CustomerService && e.Active), sheet.Rows.Count);
        Assert.All(sheet.Rows, r => Assert.Equal(sheet.Columns.Count, r.Cells.Count));
    }

    [Fact]
    public async Task A_per_person_count_target_holds_each_person_to_it_and_the_team_total_to_it_times_the_people_on_the_sheet()
    {
        await AnsweredTicketAsync("Where is my parcel", TimeSpan.FromMinutes(30));
        await AnsweredTicketAsync("Wrong size", TimeSpan.FromMinutes(30));
        await _harness.Get<KpiTargets>().SetAsync(_manager, Team.CustomerService, PeriodKind.Month, ServiceMetricSource.TicketsSolved, 4, null);

        var sheet = await _harness.Get<KpiSheets>().BuildAsync(Team.CustomerService, November);

        var column = sheet.Columns.ToList().FindIndex(c => c.Metric.Key == ServiceMetricSource.TicketsSolved);
        Assert.True(sheet.Columns[column].TargetIsPerPerson);
        // November is running: each person's 4 is pro-rated to the share of the month that has passed.
        var each = 4 * sheet.ElapsedShare;
        Assert.Equal(each, sheet.Columns[column].Target!.Value, 9);
        Assert.Equal(each * sheet.Rows.Count, sheet.Columns[column].TeamTarget!.Value, 9);
        Assert.Equal(2 / each, sheet.Rows.Single(r => r.EmployeeId == _agentId).Cells[column].Attainment!.Value, 9);
        Assert.Equal(2.0 / (each * sheet.Rows.Count), sheet.Total.Cells[column].Attainment!.Value, 9);
        // Rates hold the team to the same target as each person.
        var rate = sheet.Columns.Single(c => c.Metric.Key == ServiceMetricSource.ReplyTimeliness);
        Assert.False(rate.TargetIsPerPerson);
        Assert.Equal(rate.Target, rate.TeamTarget);
    }

    [Fact]
    public async Task A_future_period_and_a_team_without_data_give_empty_but_valid_sheets()
    {
        var sheets = _harness.Get<KpiSheets>();

        var future = await sheets.BuildAsync(Team.CustomerService, ReportPeriod.Containing(PeriodKind.Month, new DateOnly(2027, 1, 1)));
        var design = await sheets.BuildAsync(Team.Design, November);

        Assert.False(future.HasData);
        Assert.NotEmpty(future.Rows);
        Assert.All(future.Rows.SelectMany(r => r.Cells), c => Assert.Null(c.Value));
        // The design team's sheet fills from the design studio's source (the demo's delivered requests).
        Assert.True(design.HasMetrics);
        Assert.True(design.HasData);
        Assert.Contains(design.Columns, c => c.Metric.Key == Domain.Design.DesignMetricSource.Rework);
        Assert.NotEmpty(design.Rows);
        var bytes = KpiWorkbook.Build([future, design], _harness.Get<MetricCatalogue>().Metrics, Text, CultureInfo.InvariantCulture, 10);
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal("Kpi.NoData", workbook.Worksheet("Team.CustomerService").Column(2).CellsUsed().Last().GetString());
        Assert.DoesNotContain(workbook.Worksheet("Team.Design").Column(2).CellsUsed(), c => c.GetString() is "Kpi.NoData" or "Kpi.NoMetricsYet");
    }

    [Fact]
    public async Task A_built_workbook_reopens_with_its_sheets_formats_values_and_neutralised_user_text()
    {
        await AnsweredTicketAsync("+cmd|' /C calc'!A0", TimeSpan.FromMinutes(10));
        var sheets = _harness.Get<KpiSheets>();
        var cs = await sheets.BuildAsync(Team.CustomerService, November, recordCap: 5);
        var design = await sheets.BuildAsync(Team.Design, November, recordCap: 5);

        var bytes = KpiWorkbook.Build([cs, design], _harness.Get<MetricCatalogue>().Metrics, Text, CultureInfo.InvariantCulture, 5);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal([KpiWorkbook.SummarySheet, "Team.CustomerService", "Team.Design", KpiWorkbook.DefinitionsSheet, KpiWorkbook.SourcesSheet],
            workbook.Worksheets.Select(w => w.Name));
        var team = workbook.Worksheet("Team.CustomerService");
        Assert.Equal(KpiWorkbook.TableHeaderRow, team.SheetView.SplitRow);
        Assert.Contains("2026-11", team.Cell(2, 1).GetString());
        Assert.Contains("Asia/Shanghai", team.Cell(2, 1).GetString());

        var timeliness = cs.Columns.ToList().FindIndex(c => c.Metric.Key == ServiceMetricSource.ReplyTimeliness);
        var valueColumn = 3 + timeliness * 2;
        var agentRow = team.RowsUsed().Single(r => r.Cell(2).GetString() == cs.Rows.Single(x => x.EmployeeId == _agentId).Name);
        Assert.Equal(1.0, agentRow.Cell(valueColumn).GetDouble());
        Assert.Equal("0.0%", agentRow.Cell(valueColumn).Style.NumberFormat.Format);
        Assert.Equal("0%", agentRow.Cell(valueColumn + 1).Style.NumberFormat.Format);
        Assert.NotEmpty(team.ConditionalFormats);
        Assert.All(team.ColumnsUsed(), c => Assert.InRange(c.Width, 8, 82));

        var definitions = workbook.Worksheet(KpiWorkbook.DefinitionsSheet);
        Assert.Equal(_harness.Get<MetricCatalogue>().Metrics.Count, definitions.RowsUsed().Count() - 3);

        var sources = workbook.Worksheet(KpiWorkbook.SourcesSheet);
        Assert.EndsWith("cap 5", sources.Cell(2, 1).GetString());
        var formulaLike = sources.CellsUsed().Where(c => c.GetString().StartsWith('=') || c.GetString().StartsWith('+')).ToList();
        Assert.NotEmpty(formulaLike);
        Assert.All(formulaLike, c => Assert.False(c.HasFormula));
        Assert.All(formulaLike, c => Assert.True(c.Style.IncludeQuotePrefix));
        Assert.DoesNotContain(workbook.Worksheet(KpiWorkbook.SummarySheet).Column(2).CellsUsed(), c => c.GetString() == "Kpi.NoMetricsYet");
    }

    [Theory]
    [InlineData("en", "dd mmm yyyy hh:mm")]
    [InlineData("zh-Hans", "yyyy\\/mm\\/dd hh:mm")]
    public async Task A_records_time_in_the_sources_sheet_is_a_date_in_the_company_zone_in_the_workbooks_language(string language, string format)
    {
        await AnsweredTicketAsync("Where is my parcel", TimeSpan.FromMinutes(10));
        var cs = await _harness.Get<KpiSheets>().BuildAsync(Team.CustomerService, November, recordCap: 5);

        var bytes = KpiWorkbook.Build([cs], _harness.Get<MetricCatalogue>().Metrics, Text, CultureInfo.GetCultureInfo(language), 5);

        using (var package = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var book = package.WorkbookPart!;
            var streamed = book.GetPartById(book.Workbook.Descendants<Sheet>().Single(s => s.Name == KpiWorkbook.SourcesSheet).Id!);
            Assert.Empty(new OpenXmlValidator().Validate(streamed));
        }
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sources = workbook.Worksheet(KpiWorkbook.SourcesSheet);
        Assert.Equal("Kpi.RecordTime", sources.Cell(KpiWorkbook.TableHeaderRow, 6).GetString());
        var times = sources.Column(6).CellsUsed().Where(c => c.Address.RowNumber > KpiWorkbook.TableHeaderRow).ToList();
        Assert.NotEmpty(times);
        Assert.All(times, c => Assert.Equal(XLDataType.DateTime, c.DataType));
        Assert.All(times, c => Assert.Equal(format, c.Style.NumberFormat.Format));
        // The harness clock: 2026-11-27 02:00 UTC, 10:00 in Shanghai; the tickets of the test are from today.
        Assert.All(times, c => Assert.Equal(new DateOnly(2026, 11, 27), DateOnly.FromDateTime(c.GetDateTime())));
    }

    [Fact]
    public async Task Targets_are_validated_and_a_stale_edit_is_a_conflict()
    {
        var targets = _harness.Get<KpiTargets>();

        var tooHigh = await targets.SetAsync(_manager, Team.CustomerService, PeriodKind.Quarter, ServiceMetricSource.ReplyTimeliness, 1.2, null);
        var wrongTeam = await targets.SetAsync(_manager, Team.Design, PeriodKind.Month, ServiceMetricSource.ReplyTimeliness, 0.5, null);
        var current = (await targets.ListAsync(Team.CustomerService, PeriodKind.Quarter)).Single(t => t.MetricKey == ServiceMetricSource.ReplyTimeliness);
        var saved = await targets.SetAsync(_manager, Team.CustomerService, PeriodKind.Quarter, ServiceMetricSource.ReplyTimeliness, 0.95, current.Version);
        var stale = await targets.SetAsync(_manager, Team.CustomerService, PeriodKind.Quarter, ServiceMetricSource.ReplyTimeliness, 0.5, current.Version);

        Assert.Equal([new FieldError("Value", "KpiTargetAbove100")], tooHigh.Errors);
        Assert.Equal([new FieldError("Metric", "KpiMetricNotOfTeam")], wrongTeam.Errors);
        Assert.True(saved.Succeeded);
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Equal(0.95, (await targets.ListAsync(Team.CustomerService, PeriodKind.Quarter)).Single(t => t.MetricKey == ServiceMetricSource.ReplyTimeliness).Value);
    }

    [Fact]
    public void Export_access_matches_the_permission_and_supervisors_reach_only_their_own_team()
    {
        foreach (var role in Roles.All)
        {
            Assert.Equal(Permissions.Allows(role, Permissions.ExportKpiSheets), KpiAccess.TeamsFor([role]).Count > 0);
        }
        Assert.Equal([Team.CustomerService], KpiAccess.TeamsFor([Roles.CsSupervisor]));
        Assert.Equal([Team.Design], KpiAccess.TeamsFor([Roles.DesignSupervisor]));
        Assert.Equal(Enum.GetValues<Team>(), KpiAccess.TeamsFor([Roles.OperationsManager]));
        Assert.False(KpiAccess.MayExport([Roles.CsAgent], Team.CustomerService));
    }

    [Fact]
    public async Task In_a_running_month_counts_are_held_to_the_share_of_their_target_that_has_passed_and_rates_to_the_whole()
    {
        var targets = _harness.Get<KpiTargets>();
        await targets.SetAsync(Actor.System, Team.CustomerService, PeriodKind.Month, ServiceMetricSource.TicketsSolved, 300,
            (await targets.ListAsync(Team.CustomerService, PeriodKind.Month)).FirstOrDefault(t => t.MetricKey == ServiceMetricSource.TicketsSolved)?.Version);
        var slaTarget = (await targets.ListAsync(Team.CustomerService, PeriodKind.Month)).FirstOrDefault(t => t.MetricKey == ServiceMetricSource.SlaAchievement)?.Value;

        var sheet = await _harness.Get<KpiSheets>().BuildAsync(Team.CustomerService, November);

        // 2026-11-27 10:00 in Shanghai: 26 days and 10 hours of November's 30 have passed.
        var share = (26 + 10 / 24.0) / 30;
        Assert.Equal(share, sheet.ElapsedShare, 6);
        Assert.True(sheet.IsRunning);
        var solved = sheet.Columns.Single(c => c.Metric.Key == ServiceMetricSource.TicketsSolved);
        Assert.Equal(300 * share, solved.Target!.Value, 6);
        Assert.Equal(300.0, solved.PeriodTarget);
        Assert.True(solved.IsProRated);
        var sla = sheet.Columns.Single(c => c.Metric.Key == ServiceMetricSource.SlaAchievement);
        Assert.Equal(slaTarget, sla.Target);
        Assert.False(sla.IsProRated);
        var october = await _harness.Get<KpiSheets>().BuildAsync(Team.CustomerService, November.Previous());
        Assert.False(october.IsRunning);
        Assert.Equal(300.0, october.Columns.Single(c => c.Metric.Key == ServiceMetricSource.TicketsSolved).Target);
    }

    [Fact]
    public async Task The_operations_director_and_the_administrator_are_not_rows_of_a_team_nor_counted_in_its_target()
    {
        await using var db = _harness.NewDb();
        var leaders = await db.Employees.Where(e => e.Role == Roles.OperationsDirector || e.Role == Roles.Admin).Select(e => e.Id).ToListAsync();
        Assert.NotEmpty(leaders);

        var sheets = _harness.Get<KpiSheets>();
        var rows = new List<KpiRow>();
        foreach (var team in Enum.GetValues<Team>())
        {
            rows.AddRange((await sheets.BuildAsync(team, November)).Rows);
        }

        Assert.DoesNotContain(rows, r => r.EmployeeId is { } id && leaders.Contains(id));
        Assert.Contains(rows, r => r.Name.Length > 0);
    }

}
