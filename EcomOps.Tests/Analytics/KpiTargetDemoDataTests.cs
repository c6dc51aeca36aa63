using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.Analytics.Sources;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using EcomOps.Tests.Support;

namespace EcomOps.Tests.Analytics;

public sealed class KpiTargetDemoDataTests
{
    [Fact]
    public async Task Demo_targets_give_the_operations_team_a_target_a_little_better_than_last_month_for_every_metric_it_measured()
    {
        await using var harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        var catalogue = harness.Get<MetricCatalogue>();
        var time = harness.Get<CompanyTime>();
        var lastMonth = ReportPeriod.Containing(PeriodKind.Month, time.Today).Previous();
        var measured = await catalogue.MeasureAsync(lastMonth.ToUtc(time.Zone), MeasureOptions.TotalsOnly, catalogue.ForTeam(Team.Operations));

        var monthly = (await harness.Get<KpiTargets>().ListAsync(Team.Operations, PeriodKind.Month)).ToDictionary(t => t.MetricKey, t => t.Value);
        var yearly = (await harness.Get<KpiTargets>().ListAsync(Team.Operations, PeriodKind.Year)).ToDictionary(t => t.MetricKey, t => t.Value);

        Assert.True(measured.Total(SalesMetricSource.Revenue) > 0, "the demo has last month's orders");
        foreach (var metric in catalogue.ForTeam(Team.Operations).Where(m => !KpiRules.TargetIsPerPerson(m) && measured.Total(m.Key) is not null))
        {
            Assert.True(monthly.ContainsKey(metric.Key), metric.Key);
            var attainment = KpiRules.Attainment(metric, measured.Total(metric.Key), monthly[metric.Key])!.Value;
            // Just out of reach; a rate already at 100% is held to 99%, and nothing beats a zero.
            Assert.InRange(attainment, 0.85, measured.Total(metric.Key) == 0 ? KpiRules.MaxAttainment : 1.02);
        }
        // Amounts add up over the year; rates stay rates.
        Assert.InRange(yearly[SalesMetricSource.Revenue] / monthly[SalesMetricSource.Revenue], 11, 13);
        Assert.Equal(monthly[OperationsMetricSource.ExceptionRate], yearly[OperationsMetricSource.ExceptionRate]);
        Assert.All(monthly.Where(t => catalogue.Find(t.Key)!.Unit == MetricUnit.Percent), t => Assert.InRange(t.Value, 0, 0.99));
    }
}
