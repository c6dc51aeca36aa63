using EcomOps.Domain.Analytics.Customers;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Time;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Analytics;

public sealed class CustomerDemoDataTests
{
    [Fact]
    public async Task The_demo_has_customers_in_every_segment_with_preferences_and_predictions_and_no_order_inside_the_forecasts_history_before_the_90_days()
    {
        await using var harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        var queries = harness.Get<CustomerAnalysisQueries>();

        var segments = await queries.SegmentsAsync();

        Assert.All(segments, s => Assert.True(s.Customers > 0, $"no {s.Segment} customer in the demo"));
        var (vips, _) = await queries.CustomersAsync(CustomerSegment.Vip, false, 10);
        Assert.All(vips, c => Assert.NotNull(c.TopCategory));
        Assert.Contains(vips, c => c.NextCategory is not null && c.NextBasis == NextPurchaseBasis.OwnInterval);
        Assert.NotEmpty(await queries.SegmentPreferencesAsync(CustomerSegment.Lost));
        var run = (await queries.LastRunAsync())!;
        Assert.True(run.BacktestCustomers > 0, "the back-test scores some customers");

        // The lost customers' orders are over two years old: the forecast's history (two years) still starts with the 90 days.
        var time = harness.Get<CompanyTime>();
        await using var db = harness.NewDb();
        var placed = await db.Orders.Select(o => o.PlacedAtUtc).ToListAsync();
        var now = time.UtcNow;
        Assert.All(placed, at => Assert.True(at >= now - OrderDemoData.Span || at < now.AddDays(-731), $"an order on {at:u} falls in the forecast's history"));
        Assert.Contains(placed, at => at < now.AddDays(-731));
    }
}
