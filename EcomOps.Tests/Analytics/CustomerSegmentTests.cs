using EcomOps.Domain.Analytics.Customers;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service.Complaints;
using EcomOps.Tests.Catalog;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Analytics;

/// <summary>RFM segments and products bought together: the rules by hand, and the nightly refresh on real SQLite.</summary>
public sealed class CustomerSegmentTests
{
    [Theory]
    // Recency: 14 days is still 5, 15 is 4; 30 is 4, 31 is 3; 60 is 3, 61 is 2; 90 is 2, 91 is 1 (lost).
    [InlineData(14, 1, 0, 5, 1, 1, CustomerSegment.New)]
    [InlineData(15, 1, 0, 4, 1, 1, CustomerSegment.New)]
    [InlineData(30, 2, 0, 4, 2, 1, CustomerSegment.Active)]
    [InlineData(31, 2, 0, 3, 2, 1, CustomerSegment.AtRisk)]
    [InlineData(60, 1, 0, 3, 1, 1, CustomerSegment.Hibernating)]
    [InlineData(61, 3, 0, 2, 3, 1, CustomerSegment.AtRisk)]
    [InlineData(90, 1, 29_999, 2, 1, 1, CustomerSegment.Hibernating)]
    [InlineData(91, 12, 900_000, 1, 5, 5, CustomerSegment.Lost)]
    // Frequency: 4 orders is 3, 5 is 4, 9 is 4, 10 is 5. Monetary: ¥1,999.99 is 3, ¥2,000 is 4, ¥5,000 is 5.
    [InlineData(3, 4, 200_000, 5, 3, 4, CustomerSegment.Active)]
    [InlineData(3, 5, 199_999, 5, 4, 3, CustomerSegment.Active)]
    [InlineData(3, 5, 200_000, 5, 4, 4, CustomerSegment.Vip)]
    [InlineData(20, 10, 500_000, 4, 5, 5, CustomerSegment.Vip)]
    [InlineData(5, 9, 30_000, 5, 4, 2, CustomerSegment.Active)]
    [InlineData(5, 1, 80_000, 5, 1, 3, CustomerSegment.New)]
    public void Rfm_scores_and_segments_follow_their_boundaries(int days, int orders, long spendCents, int r, int f, int m, CustomerSegment segment) =>
        Assert.Equal(new RfmScore(r, f, m, segment), RfmScoring.Score(new CustomerHistory(days, orders, spendCents)));

    [Fact]
    public void Association_rules_on_a_small_basket_set_match_the_hand_computed_support_and_confidence()
    {
        // Ten orders. Tea (1) is in 5, cups (2) in 4, both in 3; honey (3) in 3, with tea in 2; a repeated product counts once.
        int[][] baskets =
        [
            [1, 2], [1, 2, 3], [1, 2, 2], [1, 3], [1],
            [2], [3], [4], [4, 5], [5],
        ];

        var rules = BasketAnalysis.Rules(baskets, minOrders: 2, minConfidence: 0.5);

        // tea → cups: 3/10 support, 3/5 confidence, lift 0.6 / 0.4 = 1.5; cups → tea: 3/4, lift 0.75 / 0.5 = 1.5.
        var teaCups = rules.Single(r => (r.ProductId, r.ThenProductId) == (1, 2));
        Assert.Equal((3, 0.3, 0.6, 1.5), (teaCups.BothOrders, teaCups.Support, teaCups.Confidence, Math.Round(teaCups.Lift, 9)));
        var cupsTea = rules.Single(r => (r.ProductId, r.ThenProductId) == (2, 1));
        Assert.Equal((0.75, 1.5), (cupsTea.Confidence, Math.Round(cupsTea.Lift, 9)));
        // honey → tea: 2/3 ≥ 50% kept; tea → honey: 2/5 = 40% dropped; 4 and 5 together in one order only: dropped.
        Assert.Equal(2 / 3.0, rules.Single(r => (r.ProductId, r.ThenProductId) == (3, 1)).Confidence, 12);
        Assert.DoesNotContain(rules, r => (r.ProductId, r.ThenProductId) == (1, 3));
        Assert.DoesNotContain(rules, r => r.ProductId is 4 or 5);
        Assert.Equal([(2, 1), (3, 1), (1, 2)], rules.Select(r => (r.ProductId, r.ThenProductId)));
    }

    [Fact]
    public void Cohorts_count_each_customer_once_per_month_from_the_month_of_their_first_order()
    {
        var (sep, oct, nov, dec) = (CohortAnalysis.MonthKey(new(2026, 9, 3)), CohortAnalysis.MonthKey(new(2026, 10, 31)), CohortAnalysis.MonthKey(new(2026, 11, 1)),
            CohortAnalysis.MonthKey(new(2026, 12, 6)));
        // September: A (again in October twice and in December), B (September only). October: C (again in November).
        int[][] customers = [[sep, oct, oct, dec], [sep], [oct, nov]];

        var cells = CohortAnalysis.Retention(customers);

        Assert.Equal(
            [
                new CohortCount(new DateOnly(2026, 9, 1), 0, 2), new CohortCount(new DateOnly(2026, 9, 1), 1, 1), new CohortCount(new DateOnly(2026, 9, 1), 3, 1),
                new CohortCount(new DateOnly(2026, 10, 1), 0, 1), new CohortCount(new DateOnly(2026, 10, 1), 1, 1),
            ], cells);
        Assert.Equal(CohortAnalysis.MonthKey(new(2027, 1, 1)), dec + 1);
    }

    [Fact]
    public async Task The_nightly_refresh_scores_customers_from_their_orders_counts_open_complaints_and_replaces_the_last_analysis()
    {
        await using var world = await ListingWorld.StartAsync();
        var harness = world.Catalog.Harness;
        var cups = await world.Catalog.ProductAsync("茶杯", world.Category);
        var cupSku = await world.Catalog.SkuAsync(cups, "CUP-1");
        await using (var db = harness.NewDb())
        {
            var tee = await db.Skus.SingleAsync(s => s.ProductId == world.Tee);
            var n = 0;
            void Sell(string phone, int daysAgo, long cents, OrderStatus status = OrderStatus.Completed, params int[] skus)
            {
                var at = harness.Clock.GetUtcNow().UtcDateTime.AddDays(-daysAgo);
                var order = new Order
                {
                    ChannelId = world.Tmall, PlatformOrderId = $"P{++n}", CustomerName = phone == "+86 1" ? "=HYPERLINK(\"http://x\")" : "王芳", CustomerPhone = phone,
                    ShippingAddress = "B", CustomerLanguage = "zh-Hans", PlacedAtUtc = at, ReceivedAtUtc = at, UpdatedAtUtc = at, Status = status, ItemsCents = cents,
                };
                foreach (var sku in skus.DefaultIfEmpty(tee.Id))
                {
                    order.Lines.Add(new OrderLine { SkuId = sku, SkuCode = "S", Title = "T", Quantity = 1, UnitPriceCents = cents });
                }
                db.Orders.Add(order);
            }
            // +86 1: five orders of ¥500 within the fortnight, tee and cups together three times: VIP.
            for (var i = 0; i < 5; i++)
            {
                Sell("+86 1", 2 + i, 50_000, OrderStatus.Completed, i < 3 ? [tee.Id, cupSku] : [tee.Id]);
            }
            // +86 2: one order 40 days ago (hibernating) and a cancelled one yesterday that does not count.
            Sell("+86 2", 40, 9_900);
            Sell("+86 2", 1, 9_900, OrderStatus.Cancelled);
            // +86 3: two orders, the last 100 days ago: lost, with an open complaint.
            Sell("+86 3", 100, 9_900);
            Sell("+86 3", 120, 9_900);
            db.Set<ComplaintCase>().Add(new ComplaintCase { ComplainantName = "李", Contact = "+86 3", Matter = "破损", ReceivedAtUtc = harness.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        var insights = harness.Get<CustomerInsights>();
        var queries = harness.Get<CustomerAnalysisQueries>();

        await insights.RefreshAsync();
        var run = await insights.RefreshAsync();

        Assert.Equal((8, 3), (run.Orders, run.Customers));
        var (all, total) = await queries.CustomersAsync(null, false, 10);
        Assert.Equal(3, total);
        Assert.Equal([("+86 1", CustomerSegment.Vip, 5, 250_000L), ("+86 3", CustomerSegment.Lost, 2, 19_800L), ("+86 2", CustomerSegment.Hibernating, 1, 9_900L)],
            all.Select(c => (c.Phone, c.Segment, c.Orders, c.SpendCents)));
        Assert.Equal(["+86 3"], (await queries.CustomersAsync(null, true, 10)).Rows.Select(c => c.Phone));
        var segments = await queries.SegmentsAsync();
        Assert.Equal(6, segments.Count);
        Assert.Equal(1, segments.Single(s => s.Segment == CustomerSegment.Lost).WithOpenComplaints);
        var rule = (await queries.RulesAsync(10)).Single(r => r.ThenProduct == "茶杯");
        Assert.Equal((3, 3 / 8.0), (rule.BothOrders, rule.Confidence));
        var cohorts = await queries.CohortsAsync();
        // +86 3 first ordered in July and again in August; +86 2 in October; +86 1 in November.
        Assert.Equal([(7, 0, 1), (7, 1, 1), (10, 0, 1), (11, 0, 1)], cohorts.Select(c => (c.CohortMonth.Month, c.MonthIndex, c.Customers)));
        using var list = new ExportedList(await queries.ExportAsync(CustomerSegment.Vip, false, ExportedList.Text("en")));
        var name = list.Cells(ExportedList.Text("en")("Customers.Name"))[0];
        Assert.StartsWith("=HYPERLINK", name.GetString());
        Assert.False(name.HasFormula);
        Assert.True(name.Style.IncludeQuotePrefix);
    }
}
