using EcomOps.Domain.Analytics.Customers;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Orders;
using EcomOps.Tests.Catalog;
using EcomOps.Tests.Support;

namespace EcomOps.Tests.Analytics;

/// <summary>Purchase preferences and the next likely purchase: the rules on hand-computed examples, and the nightly refresh on real SQLite.</summary>
public sealed class CustomerPreferenceTests
{
    [Fact]
    public void Preferences_are_shares_of_spend_by_category_brand_and_price_band_with_unplaced_lines_counted_in_the_whole()
    {
        // ¥300 of net spend: tea ¥60 + ¥150, cups ¥40, ¥50 of something the catalogue cannot place, and a free gift that counts nowhere.
        PurchaseLine[] lines =
        [
            new("茶叶", "山岚", "¥0–100", 6_000),
            new("茶叶", "云雾", "¥100–300", 15_000),
            new("茶杯", "山岚", "¥0–100", 4_000),
            new(null, null, "¥100–300", 5_000),
            new("茶杯", "山岚", "¥0–100", 0),
        ];

        var preferences = PurchasePreferences.Of(lines);

        // Tea 210/300 = 70%, cups 40/300; 云雾 150/300 = 50%, 山岚 100/300; band ¥100–300 200/300, ¥0–100 100/300.
        Assert.Equal([("茶叶", 21_000L, 0.7), ("茶杯", 4_000L, 0.133333)], preferences.Categories.Select(p => (p.Label, p.SpendCents, Math.Round(p.Share, 6))));
        Assert.Equal([("云雾", 0.5), ("山岚", 1 / 3.0)], preferences.Brands.Select(p => (p.Label, p.Share)));
        Assert.Equal([("¥100–300", 2 / 3.0), ("¥0–100", 1 / 3.0)], preferences.PriceBands.Select(p => (p.Label, p.Share)));
        Assert.Equal(preferences.All.Select(p => p with { Share = Math.Round(p.Share, 4) }), PreferenceCodec.Read(PreferenceCodec.Write(preferences)).All);
    }

    [Fact]
    public void A_segment_adds_its_customers_spend_before_taking_shares_and_keeps_the_top_labels()
    {
        var labels = new LabelTable();
        var (a, b) = (new SpendTally(), new SpendTally());
        a.Add(labels.Id("茶叶"), labels.Id("山岚"), null, 9_000);
        b.Add(labels.Id("茶杯"), labels.Id("山岚"), null, 1_000);
        b.Add(labels.Id("茶叶"), null, null, 10_000);
        var segment = new SpendTally();
        segment.Add(a);
        segment.Add(b);

        Assert.Equal([("茶叶", 0.95)], segment.Top(PreferenceKind.Category, 1, labels).Select(p => (p.Label, p.Share)));
        Assert.Equal([("山岚", 0.5)], segment.Top(PreferenceKind.Brand, 3, labels).Select(p => (p.Label, p.Share)));
        Assert.Empty(segment.Top(PreferenceKind.PriceBand, 3, labels));
    }

    // Categories: coffee 1, tea 2, cups 3. Days are day numbers; the cutoff is day 100 and the data ends 8 weeks later, on day 156.
    private const int Coffee = 1, Tea = 2, Cups = 3, Cutoff = 100, End = 156;

    private static IReadOnlyList<CategoryPurchase> Bought(params (int Day, int Category)[] purchases) => purchases.Select(p => new CategoryPurchase(p.Day, p.Category)).ToList();

    private static readonly IReadOnlyList<CategoryPurchase> A = Bought((0, Coffee), (30, Coffee), (60, Coffee), (90, Coffee), (50, Tea), (118, Coffee));
    private static readonly IReadOnlyList<CategoryPurchase> B = Bought((10, Coffee), (50, Coffee), (80, Cups), (110, Cups));
    private static readonly IReadOnlyList<CategoryPurchase> C = Bought((0, Tea), (20, Tea), (40, Tea), (60, Cups), (65, Cups), (70, Cups));
    private static readonly IReadOnlyList<CategoryPurchase> D = Bought((20, Coffee), (30, Coffee), (40, Coffee), (85, Tea), (112, Tea));
    private static readonly IReadOnlyList<CategoryPurchase> E = Bought((140, Coffee));
    private static readonly IReadOnlyList<CategoryPurchase> F = Bought((90, Coffee));
    private static readonly IReadOnlyList<CategoryPurchase> G = Bought((0, Cups), (100, Cups));

    [Fact]
    public void Category_intervals_are_the_median_gap_of_everyone_who_bought_again_before_the_cutoff()
    {
        var gaps = NextPurchaseModel.CategoryGaps([A, B, C, D, E, F, G], Cutoff + 1);

        // Coffee gaps 30, 30, 30 (A), 40 (B), 10, 10 (D): the middle two are 30 and 30. Tea: 20, 20 (C). Cups: 5, 5 (C), 100 (G).
        Assert.Equal(new Dictionary<int, int> { [Coffee] = 30, [Tea] = 20, [Cups] = 5 }, gaps);
        Assert.Equal(25, NextPurchaseModel.Median([20, 30]));
        Assert.Equal(26, NextPurchaseModel.Median([20, 31]));
        Assert.Null(NextPurchaseModel.Median([]));
    }

    [Fact]
    public void The_next_purchase_is_the_category_whose_repeat_window_opens_first_by_the_customers_own_interval_or_the_categorys()
    {
        var gaps = NextPurchaseModel.CategoryGaps([A, B, C, D, E, F, G], Cutoff + 1);

        // A: coffee every 30 days, last on day 90: due 120 ± 7. Tea (once, on 50) was due on 70 and is missed by more than its 20 days.
        Assert.Equal(new NextPurchase(Coffee, 113, 127, 90, 30, NextPurchaseBasis.OwnInterval, 4), NextPurchaseModel.Predict(A, Cutoff, gaps));
        // B: coffee every 40 days, due on 90 (passed): the window of ± 10 days moves to open the next day.
        Assert.Equal(new NextPurchase(Coffee, 101, 121, 50, 40, NextPurchaseBasis.OwnInterval, 2), NextPurchaseModel.Predict(B, Cutoff, gaps));
        // D: coffee stopped (due on 50, missed by more than 10 days); tea once on 85, repeated by others after 20 days.
        Assert.Equal(new NextPurchase(Tea, 101, 115, 85, 20, NextPurchaseBasis.CategoryInterval, 1), NextPurchaseModel.Predict(D, Cutoff, gaps));
        // C: everything they bought was due long ago; E bought nothing before the cutoff.
        Assert.Null(NextPurchaseModel.Predict(C, Cutoff, gaps));
        Assert.Null(NextPurchaseModel.Predict(E, Cutoff, gaps));
        Assert.Equal(Coffee, NextPurchaseModel.MostBought(D, Cutoff));
    }

    [Fact]
    public void The_back_test_hides_the_last_weeks_and_scores_the_model_against_the_most_bought_category_in_the_same_window()
    {
        var result = NextPurchaseModel.Backtest([A, B, C, D, E, F, G], Cutoff, End);

        // Counted: A, B, D and F (C has no prediction, E bought nothing before, G's window opens on day 175, after the data).
        // Model: A bought coffee on 118 (in 113–127), D tea on 112 (in 101–115); B bought cups, not coffee; F nothing.
        // Baseline: A's most bought is coffee (hit); D's is coffee (miss); B's coffee (miss); F's coffee (miss).
        Assert.Equal(new BacktestResult(4, 2, 1), result);
        Assert.Equal((0.5, 0.25), (result.ModelRate, result.BaselineRate));
        Assert.Equal(new BacktestResult(0, 0, 0), NextPurchaseModel.Backtest([E], Cutoff, End));
        Assert.Null(new BacktestResult(0, 0, 0).ModelRate);
    }

    [Fact]
    public async Task The_nightly_refresh_stores_each_customers_preferences_and_next_purchase_and_each_segments_top_labels_and_exports_them_as_text()
    {
        await using var world = await ListingWorld.StartAsync();
        var harness = world.Catalog.Harness;
        var now = harness.Clock.GetUtcNow().UtcDateTime;
        await using (var db = harness.NewDb())
        {
            db.PriceBands.AddRange(new PriceBand { Name = "入门", FromCents = 0, ToCents = 10_000 }, new PriceBand { Name = "中端", FromCents = 10_000, ToCents = 30_000 });
            var product = new Product { Name = "茶" };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            Sku Sku(string code, string? category, string? brand) => new() { Code = code, Name = code, ProductId = product.Id, Category = category, Brand = brand };
            var (greenA, greenB, cup) = (Sku("T-A", "茶叶", "山岚"), Sku("T-B", "茶叶", "=HYPERLINK(\"x\")"), Sku("C-A", "茶杯", "山岚"));
            db.Skus.AddRange(greenA, greenB, cup);
            await db.SaveChangesAsync();
            var n = 0;
            void Sell(int daysAgo, params (Sku Sku, long Unit)[] lines)
            {
                var at = now.AddDays(-daysAgo);
                var order = new Order
                {
                    ChannelId = world.Tmall, PlatformOrderId = $"P{++n}", CustomerName = "王芳", CustomerPhone = "+86 1", ShippingAddress = "B", CustomerLanguage = "zh-Hans",
                    PlacedAtUtc = at, ReceivedAtUtc = at, UpdatedAtUtc = at, Status = OrderStatus.Completed, ItemsCents = lines.Sum(l => l.Unit),
                };
                foreach (var (sku, unit) in lines)
                {
                    order.Lines.Add(new OrderLine { SkuId = sku.Id, SkuCode = sku.Code, Title = sku.Name, Quantity = 1, UnitPriceCents = unit });
                }
                db.Orders.Add(order);
            }
            // Tea ¥60 and a cup ¥40 seventy days ago; tea ¥150 forty days ago: tea 210/250, cups 40/250; the ¥150 brand 60%; mid band 60%.
            Sell(70, (greenA, 6_000), (cup, 4_000));
            Sell(40, (greenB, 15_000));
            await db.SaveChangesAsync();
        }

        var run = await harness.Get<CustomerInsights>().RefreshAsync();

        var queries = harness.Get<CustomerAnalysisQueries>();
        var customer = (await queries.CustomerAsync("+86 1"))!;
        Assert.Equal(CustomerSegment.AtRisk, customer.Segment);
        Assert.Equal(("茶叶", 0.84, "=HYPERLINK(\"x\")", 0.6, "中端", 0.6), (customer.TopCategory, customer.TopCategoryShare, customer.TopBrand, customer.TopBrandShare, customer.TopPriceBand, customer.TopPriceBandShare));
        Assert.Equal([("茶叶", 0.84), ("茶杯", 0.16)], PreferenceCodec.Read(customer.Preferences).Categories.Select(p => (p.Label, p.Share)));
        // Tea every 30 days, last 40 days ago: due ten days ago, so expected from tomorrow for 15 days.
        var today = DateOnly.FromDateTime(harness.Get<EcomOps.Domain.Time.CompanyTime>().LocalNow);
        Assert.Equal(("茶叶", today.AddDays(1), today.AddDays(15), 30, NextPurchaseBasis.OwnInterval, 2),
            (customer.NextCategory, customer.NextFrom, customer.NextTo, customer.NextGapDays, customer.NextBasis, customer.NextTimes));
        var segment = await queries.SegmentPreferencesAsync(CustomerSegment.AtRisk);
        Assert.Equal([(PreferenceKind.Category, 1, "茶叶"), (PreferenceKind.Category, 2, "茶杯"), (PreferenceKind.Brand, 1, "=HYPERLINK(\"x\")"), (PreferenceKind.Brand, 2, "山岚"),
            (PreferenceKind.PriceBand, 1, "中端"), (PreferenceKind.PriceBand, 2, "入门")], segment.Select(p => (p.Kind, p.Rank, p.Label)));
        Assert.Empty(await queries.SegmentPreferencesAsync(CustomerSegment.Vip));
        // The back-test hides the 8 weeks up to the last order: nothing was bought before them, so nobody is scored.
        Assert.Equal((today.AddDays(-40 - 56), today.AddDays(-40), 0), (run.BacktestCutoff, run.BacktestEnd, run.BacktestCustomers));

        var text = ExportedList.Text("en");
        using var list = new ExportedList(await queries.ExportAsync(CustomerSegment.AtRisk, false, text));
        Assert.Equal(["茶叶"], list.Texts(text("Customers.TopCategory")));
        Assert.Equal(["中端"], list.Texts(text("Customers.PriceBand")));
        Assert.Equal(["茶叶"], list.Texts(text("Customers.NextCategory")));
        var brand = list.Cells(text("Customers.TopBrand"))[0];
        Assert.Equal("=HYPERLINK(\"x\")", brand.GetString());
        Assert.False(brand.HasFormula);
        Assert.True(brand.Style.IncludeQuotePrefix);
        Assert.Equal(84.0, list.Cells(text("Customers.TopCategoryShare"))[0].GetDouble());
    }
}
