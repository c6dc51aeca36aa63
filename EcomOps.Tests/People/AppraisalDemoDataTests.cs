using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.People;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.People;

public sealed class AppraisalDemoDataTests
{
    [Fact]
    public async Task Demo_data_has_two_closed_quarterly_cycles_and_one_open_monthly_cycle_per_team_following_the_demo_kpis()
    {
        await using var harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);

        await using var db = harness.NewDb();
        var cycles = await db.Set<AppraisalCycle>().AsNoTracking().Include(c => c.Appraisals).ThenInclude(a => a.Goals).ToListAsync();
        foreach (var team in Enum.GetValues<Team>())
        {
            var mine = cycles.Where(c => c.Team == team).ToList();
            Assert.Equal(2, mine.Count(c => c.Frequency == AppraisalFrequency.Quarterly && c.IsClosed));
            Assert.Single(mine, c => c.Frequency == AppraisalFrequency.Monthly && !c.IsClosed);
        }
        var closed = cycles.Where(c => c.IsClosed).SelectMany(c => c.Appraisals).ToList();
        Assert.All(closed, a =>
        {
            Assert.Equal(AppraisalStage.Closed, a.Stage);
            Assert.NotNull(a.Grade);
            Assert.NotNull(a.BonusCoefficient);
            Assert.NotEmpty(a.Goals);
            Assert.NotNull(a.QuantitativeFrozenAtUtc);
        });
        Assert.Contains(cycles.Where(c => !c.IsClosed).SelectMany(c => c.Appraisals), a => a.Stage == AppraisalStage.HeadScoring);

        // The figures are the KPI sheet's for the same person and period (Minimal demo data has no tickets: design and operations have figures).
        var compared = 0;
        foreach (var cycle in cycles.Where(c => c.IsClosed))
        {
            var sheet = await harness.Get<KpiSheets>().BuildAsync(cycle.Team, AppraisalFigures.PeriodOf(cycle));
            foreach (var (employeeId, line) in cycle.Appraisals.SelectMany(a => a.Quantitative.Select(l => (a.EmployeeId, Line: l))).Where(x => x.Line.Value is not null))
            {
                var column = sheet.Columns.ToList().FindIndex(c => c.Metric.Key == line.MetricKey);
                var expected = sheet.Columns[column].Metric.PerEmployee ? sheet.Rows.Single(r => r.EmployeeId == employeeId).Cells[column].Value : sheet.Total.Cells[column].Value;
                Assert.Equal(expected, line.Value);
                compared++;
            }
        }
        Assert.True(compared > 0, "no closed demo appraisal has a measured figure");
    }
}
