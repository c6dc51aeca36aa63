using EcomOps.Domain.Analytics.Sources;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;

namespace EcomOps.Domain.Analytics.Kpi;

/// <summary>The customer-service team's monthly, quarterly and yearly targets (the only team with metrics so far).</summary>
public sealed class KpiTargetDemoData(TimeProvider clock) : IDemoDataArea
{
    public int Order => 61;

    public string Name => "kpi-targets";

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

    public async Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var kind in new[] { PeriodKind.Week, PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Year })
        {
            foreach (var (metric, value) in ServiceTargets)
            {
                db.KpiTargets.Add(new KpiTarget { Team = Team.CustomerService, PeriodKind = kind, MetricKey = metric, Value = value, UpdatedAtUtc = now });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
