using EcomOps.Domain.Analytics;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Time;
using EcomOps.Tests.Support;

namespace EcomOps.Tests.Analytics;

public sealed class SingleMetricMeasureTests
{
    [Fact]
    public async Task Every_metric_measured_alone_equals_the_same_metric_measured_with_all_the_others()
    {
        await using var harness = await DomainHarness.StartAsync();
        await harness.Get<DemoDataGenerator>().SeedAsync(DemoSize.Minimal);
        var catalogue = harness.Get<MetricCatalogue>();
        var time = harness.Get<CompanyTime>();

        foreach (var period in new[] { ReportPeriod.Containing(PeriodKind.Month, time.Today).Previous(), ReportPeriod.Containing(PeriodKind.Day, time.Today.AddDays(-3)) })
        {
            var utc = period.ToUtc(time.Zone);
            var everything = await catalogue.MeasureAsync(utc, MeasureOptions.TotalsOnly);
            Assert.Contains(catalogue.Metrics, m => everything.Total(m.Key) is > 0);
            foreach (var metric in catalogue.Metrics)
            {
                Assert.True(everything.Total(metric.Key) == await catalogue.MeasureAsync(metric.Key, utc), $"{metric.Key} over {period.Label}");
            }
        }
    }
}
