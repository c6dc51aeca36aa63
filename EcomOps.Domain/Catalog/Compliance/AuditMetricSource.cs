using EcomOps.Domain.Analytics;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Catalog.Compliance;

/// <summary>
/// The compliance audit's pass rate (定期审核合格率): listings that passed ÷ listings checked, over the audit runs
/// started in the period, from each run's tallies — per owner (the operations KPI sheet, each specialist's listings),
/// broken down per channel. Not on the design team's sheet: designers own no listing (the images rule, the one their
/// work would move, stays off until the console stores images).
/// </summary>
public sealed class AuditMetricSource(IDbContextFactory<OpsDb> dbFactory) : IMetricSource
{
    public const string PassRate = "catalog.audit-pass-rate";

    public MetricArea Area { get; } = new("catalog", "Store listings", "店铺商品", 45);

    public IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        new(PassRate, "catalog", "Listing audit pass rate", "商品审核合格率",
            "Listings that passed every switched-on audit rule ÷ listings the compliance audit checked, over the audit runs started in the period; "
                + "a person's figure counts the listings whose findings they own (the listing's last editor)",
            "统计期内开始的定期审核中，通过全部启用规则的商品数 ÷ 审核检查的商品数；个人数据按其负责的商品（商品最后编辑人）统计",
            MetricUnit.Percent, MetricDirection.HigherIsBetter, Team.Operations, PerEmployee: true),
    ];

    public async Task<MetricSnapshot> MeasureAsync(MetricPeriod period, MeasureOptions options, CancellationToken ct)
    {
        var snapshot = new MetricSnapshot(period);
        if (!options.Wants(PassRate))
        {
            return snapshot;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = db.Set<AuditRun>().AsNoTracking().Where(r => r.FinishedAtUtc != null && r.StartedAtUtc >= period.FromUtc && r.StartedAtUtc < period.ToUtc);
        var tallies = await (from t in db.Set<AuditTally>().AsNoTracking()
                             join r in runs on t.RunId equals r.Id
                             select new { t.ChannelId, t.OwnerEmployeeId, t.Checked, t.Passed }).ToListAsync(ct);
        static double? Rate(int passed, int checkedCount) => checkedCount > 0 ? (double)passed / checkedCount : null;
        var total = Rate(tallies.Sum(t => t.Passed), tallies.Sum(t => t.Checked));
        snapshot.Values[new MetricCell(PassRate, null)] = total;
        var channels = await db.SalesChannels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        snapshot.Breakdowns[PassRate] = [.. tallies.GroupBy(t => t.ChannelId)
            .Select(g => new BreakdownItem(channels.GetValueOrDefault(g.Key) ?? "—", Rate(g.Sum(t => t.Passed), g.Sum(t => t.Checked))))
            .OrderBy(b => b.Label, StringComparer.Ordinal)];
        if (options.RecordCap > 0)
        {
            var shown = await runs.OrderByDescending(r => r.StartedAtUtc).Take(options.RecordCap).ToListAsync(ct);
            snapshot.Records[new MetricCell(PassRate, null)] = new MetricRecords(await runs.CountAsync(ct), [.. shown.Select(r => new MetricRecord(
                r.PeriodKey, r.StartedAtUtc, $"{r.ListingsPassed:N0}/{r.ListingsChecked:N0}", "/catalog/audit"))]);
        }
        if (options.PerEmployee)
        {
            foreach (var owner in tallies.Where(t => t.OwnerEmployeeId != 0).GroupBy(t => t.OwnerEmployeeId))
            {
                snapshot.Values[new MetricCell(PassRate, owner.Key)] = Rate(owner.Sum(t => t.Passed), owner.Sum(t => t.Checked));
            }
        }
        return snapshot;
    }
}
