using EcomOps.Domain.Analytics.Sources;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;

namespace EcomOps.Domain.Analytics.Kpi;

/// <summary>
/// Weekly, monthly, quarterly and yearly targets for the teams with metrics. Customer service gets the rulebook's
/// fixed service levels; operations gets targets a little better than what the demo data did in the last full month
/// (measured with the catalogue, so they fit whatever size was seeded), scaled to each period for the amounts.
/// </summary>
public sealed class KpiTargetDemoData(TimeProvider clock, MetricCatalogue catalogue, CompanyTime time) : IDemoDataArea
{
    public int Order => 61;

    public string Name => "kpi-targets";

    private static readonly PeriodKind[] Kinds = [PeriodKind.Week, PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Year];

    private static readonly (string Metric, double Value)[] ServiceTargets =
    [
        (ServiceMetricSource.ReplyTimeliness, 0.90),
        (ServiceMetricSource.ResolutionRate, 0.85),
        (ServiceMetricSource.FirstResponse, 150),
        (ServiceMetricSource.ResolutionTime, 24),
        (ServiceMetricSource.SlaAchievement, 0.85),
        (ServiceMetricSource.ReopenRate, 0.05),
        (ServiceMetricSource.Csat, 4.5),
        (ServiceMetricSource.ComplaintResolutionRate, 0.80),
        (ServiceMetricSource.ComplaintSatisfaction, 0.85),
    ];

    /// <summary>Amounts that add up over time: a week's target is a month's × 7/30, a quarter's × 3, a year's × 12.</summary>
    private static readonly HashSet<string> Amounts =
    [
        SalesMetricSource.Revenue, SalesMetricSource.Units, SalesMetricSource.OrderCount,
        OperationsMetricSource.OrdersReleased, OperationsMetricSource.OrdersShipped,
        Campaigns.CampaignMetricSource.Participants, Campaigns.CampaignMetricSource.Revenue,
    ];

    public async Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var kind in Kinds)
        {
            foreach (var (metric, value) in ServiceTargets)
            {
                db.KpiTargets.Add(new KpiTarget { Team = Team.CustomerService, PeriodKind = kind, MetricKey = metric, Value = value, UpdatedAtUtc = now });
            }
        }
        foreach (var (metric, monthly) in await OperationsMonthlyTargetsAsync(ct))
        {
            foreach (var kind in Kinds)
            {
                var value = Amounts.Contains(metric.Key) ? Round(monthly * Scale(kind)) : monthly;
                db.KpiTargets.Add(new KpiTarget { Team = Team.Operations, PeriodKind = kind, MetricKey = metric.Key, Value = value, UpdatedAtUtc = now });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Last full month's figures, nudged: 5% more of what should grow (a rate never past 99%), 10% less of what should
    /// shrink. A per-person count is the average of the people who had any.
    /// </summary>
    private async Task<IReadOnlyList<(MetricDefinition Metric, double Value)>> OperationsMonthlyTargetsAsync(CancellationToken ct)
    {
        var metrics = catalogue.ForTeam(Team.Operations);
        var lastMonth = ReportPeriod.Containing(PeriodKind.Month, time.Today).Previous().ToUtc(time.Zone);
        var snapshot = await catalogue.MeasureAsync(lastMonth, new MeasureOptions(true, 0), metrics, ct);
        var targets = new List<(MetricDefinition, double)>();
        foreach (var metric in metrics)
        {
            var people = snapshot.Values.Where(v => v.Key.Metric == metric.Key && v.Key.EmployeeId is not null && v.Value > 0)
                .Select(v => v.Value!.Value).ToList();
            var measured = !KpiRules.TargetIsPerPerson(metric) ? snapshot.Total(metric.Key) : people.Count > 0 ? people.Average() : (double?)null;
            if (measured is not { } v)
            {
                continue;
            }
            var target = metric.HigherIsBetter ? v * 1.05 : v * 0.9;
            targets.Add((metric, metric.Unit == MetricUnit.Percent ? Math.Min(0.99, Math.Round(target, 3)) : Round(target)));
        }
        return targets;
    }

    private static double Scale(PeriodKind kind) => kind switch
    {
        PeriodKind.Week => 7 / 30.0,
        PeriodKind.Quarter => 3,
        PeriodKind.Year => 12,
        _ => 1,
    };

    /// <summary>A target someone would set: two significant figures (12,345 → 12,000; 87.6 → 88).</summary>
    private static double Round(double value)
    {
        if (value <= 0)
        {
            return 0;
        }
        var step = Math.Pow(10, Math.Max(0, Math.Floor(Math.Log10(value)) - 1));
        return Math.Round(value / step) * step;
    }
}
