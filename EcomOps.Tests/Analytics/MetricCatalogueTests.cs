using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Sources;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Complaints;
using EcomOps.Domain.Service.Sla;
using EcomOps.Domain.Service.Surveys;
using EcomOps.Domain.Time;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Analytics;

public sealed class MetricCatalogueTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;
    private Actor _agent = default!;
    private int _agentId;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        await using var db = _harness.NewDb();
        // Minimal demo traffic is not part of these hand-computed sets.
        await db.TrafficDays.ExecuteDeleteAsync();
        var user = await db.Users.SingleAsync(u => u.UserName == "agent@ecomops.local");
        _agent = new Actor(user.Id, user.UserName!);
        _agentId = (await db.Employees.SingleAsync(e => e.UserId == user.Id)).Id;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private MetricCatalogue Catalogue => _harness.Get<MetricCatalogue>();

    private async Task<int> TicketAsync(TicketChannel channel = TicketChannel.Email) =>
        (await _harness.Get<TicketDesk>().CreateAsync(_agent, new TicketForm
        {
            Channel = channel, CustomerName = "客户", CustomerContact = "13800000000", Subject = "Question", Category = TicketCategories.Other, Message = "Hello",
        })).Value;

    private async Task<long> VersionAsync(int id) => (await _harness.Get<TicketQueue>().FindAsync(id))!.Version;

    [Fact]
    public void Every_metric_has_both_names_a_formula_in_words_a_unit_and_a_direction_and_keys_are_unique()
    {
        var metrics = Catalogue.Metrics;

        Assert.Contains(metrics, m => m.Key == ServiceMetricSource.ReplyTimeliness);
        Assert.Contains(metrics, m => m.Key == TrafficMetricSource.NewVisitors);
        Assert.Equal(metrics.Count, metrics.Select(m => m.Key).Distinct().Count());
        Assert.All(metrics, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.NameEn));
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m.NameZh);
            Assert.True(m.FormulaEn.Length > 20, m.Key);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m.FormulaZh);
            Assert.Contains(Catalogue.Areas, a => a.Key == m.Area);
        });
    }

    [Fact]
    public async Task An_area_adds_its_metrics_by_registering_a_source_and_the_catalogue_measures_them()
    {
        var catalogue = new MetricCatalogue([.. _harness.Services.GetServices<IMetricSource>(), new FixedOrdersSource()]);

        var snapshot = await catalogue.MeasureAsync(new MetricPeriod(DateTime.UnixEpoch, DateTime.UnixEpoch.AddDays(1)), MeasureOptions.TotalsOnly);

        Assert.Equal("orders", catalogue.Find("orders.count")!.Area);
        Assert.Equal(7, snapshot.Total("orders.count"));
        Assert.Contains(snapshot.Values.Keys, k => k.Metric == ServiceMetricSource.Backlog);
    }

    [Fact]
    public void A_metric_declared_twice_is_refused_at_start()
    {
        Assert.Throws<InvalidOperationException>(() => new MetricCatalogue([new FixedOrdersSource(), new FixedOrdersSource()]));
    }

    [Fact]
    public async Task Service_metrics_on_a_small_hand_computed_day_match_their_formulas()
    {
        var desk = _harness.Get<TicketDesk>();
        var start = _harness.Clock.GetUtcNow().UtcDateTime;

        // A: answered after 30 min (in SLA), solved after 2 h, rated 4.
        var a = await TicketAsync();
        await desk.ClaimAsync(_agent, a);
        _harness.Clock.Advance(TimeSpan.FromMinutes(30));
        await desk.ReplyAsync(_agent, a, "On it", await VersionAsync(a), TicketStatus.Open);
        _harness.Clock.Advance(TimeSpan.FromMinutes(90));
        await desk.ChangeStatusAsync(_agent, a, TicketStatus.Solved, await VersionAsync(a));
        var token = (await _harness.Get<SurveyDesk>().LatestForTicketAsync(a))!.Token;
        await _harness.Get<SurveyDesk>().AnswerAsync(token, 4, null);

        // B: online chat answered after 20 min (15-min SLA breached), solved with the reply, then reopened.
        var b = await TicketAsync(TicketChannel.OnlineChat);
        await desk.ClaimAsync(_agent, b);
        _harness.Clock.Advance(TimeSpan.FromMinutes(20));
        await desk.RefreshDueSlasAsync();
        await desk.ReplyAsync(_agent, b, "Sorry for the wait", await VersionAsync(b), TicketStatus.Solved);
        await desk.ReopenAsync(_agent, b, await VersionAsync(b));

        // C: claimed, never answered nor solved.
        var c = await TicketAsync();
        await desk.ClaimAsync(_agent, c);

        // Complaints: three received (one closed); follow-ups: two satisfied, one not.
        await using (var db = _harness.NewDb())
        {
            ComplaintCase Case(ComplaintStage stage) => new()
            {
                ComplainantName = "王女士", Contact = "13900000000", Matter = "Late parcel", Stage = stage, Channel = TicketChannel.Email,
                ReceivedAtUtc = start.AddMinutes(5), CreatedAtUtc = start, UpdatedAtUtc = start, FirstResponseDueUtc = start.AddHours(2),
            };
            var closed = Case(ComplaintStage.Closed);
            var waiting = Case(ComplaintStage.AwaitingFollowUp);
            db.ComplaintCases.AddRange(closed, waiting, Case(ComplaintStage.Investigating));
            await db.SaveChangesAsync();
            db.ComplaintRounds.AddRange(
                new ComplaintRound { CaseId = closed.Id, Number = 1, StartedAtUtc = start, Verdict = FollowUpVerdict.NotSatisfied, FollowUpAtUtc = start.AddHours(1) },
                new ComplaintRound { CaseId = closed.Id, Number = 2, StartedAtUtc = start, Verdict = FollowUpVerdict.Satisfied, FollowUpAtUtc = start.AddHours(2) },
                new ComplaintRound { CaseId = waiting.Id, Number = 1, StartedAtUtc = start, Verdict = FollowUpVerdict.Satisfied, FollowUpAtUtc = start.AddHours(3) });
            await db.SaveChangesAsync();
        }

        var period = new MetricPeriod(start, start.AddDays(1));
        var snapshot = await Catalogue.MeasureAsync(period, new MeasureOptions(true, 10), Catalogue.ForArea("service"));

        Assert.Equal(1 / 2.0, snapshot.Of(ServiceMetricSource.ReplyTimeliness, _agentId));   // A in time, B late
        Assert.Equal(2 / 3.0, snapshot.Of(ServiceMetricSource.ResolutionRate, _agentId));     // A and B of A, B, C
        Assert.Equal((30 + 20) / 2.0, snapshot.Of(ServiceMetricSource.FirstResponse, _agentId));
        Assert.Equal((2 + 20 / 60.0) / 2, snapshot.Of(ServiceMetricSource.ResolutionTime, _agentId)!.Value, 6);
        Assert.Equal(2 / 3.0, snapshot.Of(ServiceMetricSource.SlaAchievement, _agentId));     // B breached
        Assert.Equal(1 / 2.0, snapshot.Of(ServiceMetricSource.ReopenRate, _agentId));
        Assert.Equal(2, snapshot.Of(ServiceMetricSource.Backlog, _agentId));                  // B reopened, C
        Assert.Equal(4, snapshot.Of(ServiceMetricSource.Csat, _agentId));
        Assert.Equal(2, snapshot.Of(ServiceMetricSource.TicketsSolved, _agentId));
        Assert.Equal(1 / 3.0, snapshot.Total(ServiceMetricSource.ComplaintResolutionRate));
        Assert.Equal(2 / 3.0, snapshot.Total(ServiceMetricSource.ComplaintSatisfaction));
        Assert.Equal(snapshot.Of(ServiceMetricSource.ReplyTimeliness, _agentId), snapshot.Total(ServiceMetricSource.ReplyTimeliness));

        var behindTimeliness = snapshot.RecordsOf(ServiceMetricSource.ReplyTimeliness, _agentId);
        Assert.Equal(2, behindTimeliness.Total);
        Assert.Equal([$"T{a:D6}", $"T{b:D6}"], behindTimeliness.Shown.Select(r => r.Reference).Order());
        Assert.Equal(3, snapshot.RecordsOf(ServiceMetricSource.ComplaintResolutionRate).Total);
        Assert.Equal(1 / 2.0, await Catalogue.MeasureAsync(ServiceMetricSource.ReplyTimeliness, period));
    }

    [Fact]
    public async Task Traffic_metrics_sum_the_company_local_days_of_the_period_per_channel()
    {
        await using (var db = _harness.NewDb())
        {
            TrafficDay Day(TrafficChannel channel, int day, int visits) => new()
            {
                Channel = channel, Day = new DateOnly(2026, 10, day), Visits = visits, PageViews = visits * 3, Visitors = visits / 2, NewVisitors = visits / 10,
            };
            db.TrafficDays.AddRange(Day(TrafficChannel.Tmall, 1, 1000), Day(TrafficChannel.Tmall, 2, 2000), Day(TrafficChannel.JD, 2, 500),
                Day(TrafficChannel.JD, 3, 9999));
            await db.SaveChangesAsync();
        }
        var zone = _harness.Get<CompanyTime>().Zone;

        var snapshot = await Catalogue.MeasureAsync(ReportPeriod.Custom(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2)).ToUtc(zone),
            new MeasureOptions(false, 2), Catalogue.ForArea("traffic"));

        Assert.Equal(3500, snapshot.Total(TrafficMetricSource.Visits));
        Assert.Equal(10500, snapshot.Total(TrafficMetricSource.PageViews));
        Assert.Equal(1750, snapshot.Total(TrafficMetricSource.Visitors));
        Assert.Equal(350, snapshot.Total(TrafficMetricSource.NewVisitors));
        Assert.Equal([("Tmall", 3000.0), ("JD", 500.0)], snapshot.Breakdowns[TrafficMetricSource.Visits].Select(b => (b.Label, b.Value!.Value)));
        Assert.Equal((3, 2), (snapshot.RecordsOf(TrafficMetricSource.Visits).Total, snapshot.RecordsOf(TrafficMetricSource.Visits).Shown.Count));
    }

    [Fact]
    public async Task A_period_without_data_has_no_figures_rather_than_zeros()
    {
        var zone = _harness.Get<CompanyTime>().Zone;

        var snapshot = await Catalogue.MeasureAsync(ReportPeriod.Containing(PeriodKind.Month, new DateOnly(2025, 1, 1)).ToUtc(zone), MeasureOptions.TotalsOnly);

        Assert.Null(snapshot.Total(TrafficMetricSource.Visits));
        Assert.Null(snapshot.Total(ServiceMetricSource.ReplyTimeliness));
        Assert.Null(snapshot.Total(ServiceMetricSource.ComplaintSatisfaction));
    }

    private sealed class FixedOrdersSource : IMetricSource
    {
        public MetricArea Area { get; } = new("orders", "Orders", "订单", 20);

        public IReadOnlyList<MetricDefinition> Metrics { get; } =
            [new("orders.count", "orders", "Orders", "订单数", "Orders received in the period", "统计期内收到的订单数", MetricUnit.Count, MetricDirection.HigherIsBetter, Team.Operations, false)];

        public Task<MetricSnapshot> MeasureAsync(MetricPeriod period, MeasureOptions options, CancellationToken ct)
        {
            var snapshot = new MetricSnapshot(period);
            snapshot.Values[new MetricCell("orders.count", null)] = 7;
            return Task.FromResult(snapshot);
        }
    }
}
