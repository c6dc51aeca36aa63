using EcomOps.Domain.Analytics;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Data;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;
using EcomOps.Tests.Support;

namespace EcomOps.Tests.Analytics;

public sealed class SingleMetricMeasureTests
{
    [Fact]
    public async Task Every_metric_measured_alone_equals_the_same_metric_measured_with_all_the_others()
    {
        await using var harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
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

    [Fact]
    public async Task A_metric_measured_day_by_day_in_one_series_equals_each_day_measured_with_every_metric()
    {
        await using var harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        var catalogue = harness.Get<MetricCatalogue>();
        var time = harness.Get<CompanyTime>();
        await using (var db = harness.NewDb())
        {
            // A ticket created and solved today, so the series has a day with service figures.
            var user = await db.Users.SingleAsync(u => u.UserName == "agent@ecomops.local");
            var agent = new Actor(user.Id, user.UserName!);
            var desk = harness.Get<TicketDesk>();
            var id = (await desk.CreateAsync(agent, new TicketForm
            {
                Channel = TicketChannel.Email, CustomerName = "王芳", CustomerContact = "13800000000", Subject = "Parcel", Category = TicketCategories.Other, Message = "Hello",
            })).Value;
            await desk.ClaimAsync(agent, id);
            harness.Clock.Advance(TimeSpan.FromMinutes(20));
            await desk.ReplyAsync(agent, id, "Answer", (await harness.Get<TicketQueue>().FindAsync(id))!.Version, TicketStatus.Solved);
        }
        var days = Enumerable.Range(0, 7).Select(d => ReportPeriod.Containing(PeriodKind.Day, time.Today.AddDays(-d)).ToUtc(time.Zone)).ToList();
        var everything = new List<MetricSnapshot>();
        foreach (var day in days)
        {
            everything.Add(await catalogue.MeasureAsync(day, MeasureOptions.TotalsOnly));
        }

        foreach (var metric in catalogue.Metrics)
        {
            var series = await catalogue.SeriesAsync(metric.Key, days);
            Assert.Equal(everything.Select(s => s.Total(metric.Key)), series);
        }
        Assert.Contains(everything, s => s.Total("service.tickets-solved") > 0);
    }
}
