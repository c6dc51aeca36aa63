using System.Text;
using ClosedXML.Excel;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using EcomOps.Tests.Catalog;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Analytics;

/// <summary>Traffic by source and by listing: the imports, the source mapping, the funnel and the dashboards' figures.</summary>
public sealed class TrafficBreakdownTests : IAsyncLifetime
{
    private ListingWorld _world = default!;
    private static readonly Actor Specialist = Actor.Person("u-spec", "specialist@ecomops.local", Roles.OperationsSpecialist);
    private static readonly Actor Manager = Actor.Person("u-mgr", "opsmanager@ecomops.local", Roles.OperationsManager);

    public async Task InitializeAsync() => _world = await ListingWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private DomainHarness Harness => _world.Catalog.Harness;

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines));

    private const string SourceHeader = "渠道,日期,流量来源,访客数,浏览量,支付买家数";

    [Fact]
    public async Task Platform_source_names_map_to_sources_and_a_total_row_a_second_header_and_an_unknown_source_are_removed_and_shown()
    {
        var file = Csv(SourceHeader,
            "天猫,2026-11-20,手淘搜索,1000,3000,40",
            "天猫,2026-11-20,直通车,400,900,10",
            SourceHeader,
            "天猫,2026-11-20,抖音外链,50,60,1",
            "天猫,2026-11-20,猜你喜欢,300,700,30,extra",
            "京东,2026-11-20,京准通,200,150,5",
            "合计,,,1950,4760,86");

        var preview = await Harness.Get<SourceTrafficImport>().PreviewAsync("sources.csv", file);
        var done = await Harness.Get<SourceTrafficImport>().CommitAsync(Specialist, preview, problemsConfirmed: true);

        Assert.Null(preview.FileError);
        Assert.Equal([(4, "TrafficSecondHeader"), (5, "TrafficSourceUnknown"), (7, "TrafficPageViewsBelowVisitors"), (8, "TrafficTotalRow")],
            preview.Invalid.SelectMany(i => i.Reasons.Select(r => (i.Line, r))));
        Assert.Equal(3, done.Value);
        await using var db = Harness.NewDb();
        var stored = await db.SourceTrafficDays.OrderBy(d => d.Visitors).Select(d => new { d.SourceName, d.Source, d.Visitors, d.PayingBuyers }).ToListAsync();
        Assert.Equal([("猜你喜欢", TrafficSource.Recommendation, 300), ("直通车", TrafficSource.Paid, 400), ("手淘搜索", TrafficSource.Search, 1000)],
            stored.Select(s => (s.SourceName, s.Source, s.Visitors)));
    }

    [Fact]
    public async Task A_GBK_source_report_is_read_and_importing_a_stored_day_again_replaces_all_its_sources()
    {
        var import = Harness.Get<SourceTrafficImport>();
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;
        var first = await import.PreviewAsync("a.csv", gbk.GetBytes(SourceHeader + "\n天猫,2026-11-20,手淘搜索,1000,3000,40\n天猫,2026-11-20,直通车,400,900,10"));
        Assert.True((await import.CommitAsync(Specialist, first, problemsConfirmed: false)).Succeeded);

        var again = await import.PreviewAsync("b.csv", Csv(SourceHeader, "天猫,2026-11-20,手淘搜索,1200,3000,50"));
        var unconfirmed = await import.CommitAsync(Specialist, again, problemsConfirmed: false);
        var confirmed = await import.CommitAsync(Specialist, again, problemsConfirmed: true);

        Assert.Equal([(true, 2)], again.Duplicates.Select(d => (d.AlreadyStored, d.Lines[0])));
        Assert.Equal([new FieldError("Confirm", "TrafficProblemsUnconfirmed")], unconfirmed.Errors);
        Assert.True(confirmed.Succeeded);
        await using var db = Harness.NewDb();
        Assert.Equal([("手淘搜索", 1200, "b.csv")], (await db.SourceTrafficDays.ToListAsync()).Select(d => (d.SourceName, d.Visitors, d.SourceFile)));
    }

    [Fact]
    public async Task A_source_report_with_the_optional_spend_column_stores_each_sources_cost_and_refuses_an_amount_it_would_have_to_round()
    {
        var import = Harness.Get<SourceTrafficImport>();
        Assert.Contains("[spend]", import.ColumnList);
        var file = Csv(SourceHeader + ",花费",
            "天猫,2026-11-20,直通车,400,900,10,\"¥1,234.50\"",
            "天猫,2026-11-20,手淘搜索,1000,3000,40,",
            "天猫,2026-11-21,直通车,400,900,10,12.345",
            "天猫,2026-11-21,引力魔方,300,600,5,-5");

        var preview = await import.PreviewAsync("sources.csv", file);

        Assert.Equal([(4, "TrafficSpendInvalid"), (5, "TrafficSpendInvalid")], preview.Invalid.Select(i => (i.Line, i.Reasons.Single())));
        Assert.True((await import.CommitAsync(Specialist, preview, problemsConfirmed: true)).Succeeded);
        await using var db = Harness.NewDb();
        Assert.Equal([("手淘搜索", (long?)null), ("直通车", 123_450L)],
            (await db.SourceTrafficDays.OrderBy(d => d.SourceName).ToListAsync()).Select(d => (d.SourceName, d.SpendCents)).OrderBy(d => d.SpendCents ?? 0));
    }

    [Fact]
    public async Task A_source_day_stored_after_the_preview_is_a_conflict_and_nothing_is_written()
    {
        var import = Harness.Get<SourceTrafficImport>();
        var preview = await import.PreviewAsync("a.csv", Csv(SourceHeader, "京东,2026-11-21,搜索,100,300,4", "京东,2026-11-22,搜索,100,300,4"));
        await using (var db = Harness.NewDb())
        {
            db.SourceTrafficDays.Add(new SourceTrafficDay { Channel = TrafficChannel.JD, Day = new DateOnly(2026, 11, 22), SourceName = "推荐", Source = TrafficSource.Recommendation, Visitors = 9 });
            await db.SaveChangesAsync();
        }

        var outcome = await import.CommitAsync(Specialist, preview, problemsConfirmed: false);

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        await using var check = Harness.NewDb();
        Assert.Equal(["推荐"], await check.SourceTrafficDays.Select(d => d.SourceName).ToListAsync());
    }

    [Fact]
    public async Task Changing_a_mapping_recounts_imported_days_and_a_stale_edit_a_taken_name_or_a_specialist_is_refused()
    {
        var import = Harness.Get<SourceTrafficImport>();
        Assert.True((await import.CommitAsync(Specialist, await import.PreviewAsync("a.csv", Csv(SourceHeader, "抖音,2026-11-20,商品卡,100,300,4")), false)).Succeeded);
        var mapping = Harness.Get<TrafficSourceMapping>();
        var card = (await mapping.ListAsync()).Single(n => n.Platform == TrafficChannel.Douyin && n.Name == "商品卡");

        var bySpecialist = await mapping.SaveAsync(Specialist, new SourceNameForm(card.Id, card.Platform, card.Name, TrafficSource.Recommendation, card.Version));
        var changed = await mapping.SaveAsync(Manager, new SourceNameForm(card.Id, card.Platform, card.Name, TrafficSource.Recommendation, card.Version));
        var stale = await mapping.SaveAsync(Manager, new SourceNameForm(card.Id, card.Platform, card.Name, TrafficSource.Other, card.Version));
        var taken = await mapping.SaveAsync(Manager, new SourceNameForm(0, TrafficChannel.Douyin, " 直播 ", TrafficSource.Other, 0));
        var empty = await mapping.SaveAsync(Manager, new SourceNameForm(0, TrafficChannel.Douyin, "  ", TrafficSource.Other, 0));
        var added = await mapping.SaveAsync(Manager, new SourceNameForm(0, TrafficChannel.Douyin, "精选联盟", TrafficSource.Content, 0));

        Assert.Equal([Actor.NotPermitted], bySpecialist.Errors);
        Assert.True(changed.Succeeded);
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Equal([new FieldError("Name", "TrafficSourceNameTaken")], taken.Errors);
        Assert.Equal([new FieldError("Name", "TrafficSourceNameRequired")], empty.Errors);
        Assert.True(added.Succeeded);
        await using var db = Harness.NewDb();
        Assert.Equal(TrafficSource.Recommendation, (await db.SourceTrafficDays.SingleAsync()).Source);
        var newFile = await import.PreviewAsync("b.csv", Csv(SourceHeader, "抖音,2026-11-21,精选联盟,10,30,1"));
        Assert.Equal([TrafficSource.Content], newFile.Rows.Select(r => r.Source));
    }

    [Fact]
    public async Task A_listing_report_refuses_unknown_listings_another_channels_listing_and_a_conversion_that_disagrees_and_reads_Excel()
    {
        var listing = CatalogWorld.Done(await _world.Desk.CreateAsync(_world.Specialist, _world.Tee, _world.Tmall));
        using var workbook = new XLWorkbook();
        var ws = workbook.Worksheets.Add("商品效果");
        object[][] rows =
        [
            ["店铺", "统计日期", "商品ID", "访客数", "浏览量", "加购人数", "支付买家数", "支付转化率"],
            ["TMALL", new DateTime(2026, 11, 20), listing, 200, 500, 30, 9, "4.50%"],
            ["TMALL", new DateTime(2026, 11, 21), listing, 100, 150, 12, 3, 0.03],
            ["TMALL", "2026-11-22", 99999, 10, 10, 1, 1, "10%"],
            ["TAOBAO", "2026-11-22", listing, 10, 10, 1, 1, "10%"],
            ["TMALL", "2026-11-23", listing, 100, 150, 12, 3, "4.00%"],
            ["TMALL", "2026-11-24", listing, 100, 150, 120, 3, "3.00%"],
            ["合计", "", "", 520, 960, 176, 19, ""],
        ];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                ws.Cell(r + 1, c + 1).Value = rows[r][c];
            }
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        var import = Harness.Get<ListingTrafficImport>();

        var preview = await import.PreviewAsync("items.xlsx", stream.ToArray());
        var done = await import.CommitAsync(Specialist, preview, problemsConfirmed: true);

        Assert.Null(preview.FileError);
        Assert.Equal([(4, "TrafficListingUnknown"), (5, "TrafficListingOtherChannel"), (6, "TrafficConversionMismatch"), (7, "TrafficCartAboveVisitors"), (8, "TrafficTotalRow")],
            preview.Invalid.SelectMany(i => i.Reasons.Select(r => (i.Line, r))));
        Assert.Equal(2, done.Value);
        await using var db = Harness.NewDb();
        Assert.Equal([(new DateOnly(2026, 11, 20), 200, 30, 9), (new DateOnly(2026, 11, 21), 100, 12, 3)],
            (await db.ListingTrafficDays.OrderBy(d => d.Day).ToListAsync()).Select(d => (d.Day, d.Visitors, d.AddToCart, d.PayingBuyers)));
    }

    [Fact]
    public void A_funnel_computes_its_rates_as_worked_out_by_hand_and_has_none_without_a_base()
    {
        // 200 visitors, 30 add to cart, 9 pay: 30/200 = 15%, 9/30 = 30%, 9/200 = 4.5%.
        var funnel = new TrafficFunnel(200, 500, 30, 9).Plus(new TrafficFunnel(0, 0, 0, 0));

        Assert.Equal(0.15, funnel.CartRate!.Value, 12);
        Assert.Equal(0.30, funnel.CartToPurchase!.Value, 12);
        Assert.Equal(0.045, funnel.Conversion!.Value, 12);
        Assert.Equal((null, null, null), (TrafficFunnel.None.CartRate, TrafficFunnel.None.CartToPurchase, TrafficFunnel.None.Conversion));
        // Two days add up before dividing: (9 + 3) / (200 + 100) = 4%, not the mean of 4.5% and 3%.
        Assert.Equal(0.04, new TrafficFunnel(200, 500, 30, 9).Plus(new TrafficFunnel(100, 150, 12, 3)).Conversion!.Value, 12);
    }

    [Fact]
    public async Task A_listings_funnel_sits_beside_its_sales_from_orders_and_opens_the_rows_behind_it()
    {
        var listing = CatalogWorld.Done(await _world.Desk.CreateAsync(_world.Specialist, _world.Tee, _world.Tmall));
        await using (var db = Harness.NewDb())
        {
            var sku = await db.Skus.SingleAsync(s => s.ProductId == _world.Tee);
            db.ListingTrafficDays.AddRange(
                new ListingTrafficDay { ListingId = listing, Day = new DateOnly(2026, 11, 20), Visitors = 200, PageViews = 500, AddToCart = 30, PayingBuyers = 9 },
                new ListingTrafficDay { ListingId = listing, Day = new DateOnly(2026, 11, 21), Visitors = 100, PageViews = 150, AddToCart = 12, PayingBuyers = 3 },
                new ListingTrafficDay { ListingId = listing, Day = new DateOnly(2026, 11, 10), Visitors = 999, PageViews = 999, AddToCart = 9, PayingBuyers = 9 });
            var n = 0;
            void Sell(DateTime atUtc, int channel, int quantity, long cents, long discount, OrderStatus status)
            {
                var order = new Order
                {
                    ChannelId = channel, PlatformOrderId = $"P{++n}", CustomerName = "A", CustomerPhone = "1", ShippingAddress = "B", CustomerLanguage = "zh-Hans",
                    PlacedAtUtc = atUtc, ReceivedAtUtc = atUtc, UpdatedAtUtc = atUtc, Status = status,
                };
                order.Lines.Add(new OrderLine { SkuId = sku.Id, SkuCode = "TS-001", Title = "T", Quantity = quantity, UnitPriceCents = cents, DiscountCents = discount });
                db.Orders.Add(order);
            }
            // 2 × 99 − 10 and 1 × 99 on Tmall in the days; a cancelled one, a Taobao one and one before the days do not count.
            Sell(new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc), _world.Tmall, 2, 9_900, 1_000, OrderStatus.Completed);
            Sell(new DateTime(2026, 11, 21, 15, 30, 0, DateTimeKind.Utc), _world.Tmall, 1, 9_900, 0, OrderStatus.Completed);
            Sell(new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc), _world.Tmall, 5, 9_900, 0, OrderStatus.Cancelled);
            Sell(new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc), _world.Taobao, 5, 9_900, 0, OrderStatus.Completed);
            // 15:59 UTC on the 19th is 23:59 in Shanghai: the day before the period.
            Sell(new DateTime(2026, 11, 19, 15, 59, 0, DateTimeKind.Utc), _world.Tmall, 5, 9_900, 0, OrderStatus.Completed);
            await db.SaveChangesAsync();
        }
        var insights = Harness.Get<TrafficInsights>();
        var (from, to) = (new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21));

        var (rows, total) = await insights.ListingFunnelsAsync(from, to, _world.Tmall, null, ListingFunnelSort.Visitors);
        var traffic = await insights.ListingTrafficRecordsAsync(listing, from, to);
        var orders = await insights.ListingOrderRecordsAsync(listing, from, to);

        var row = Assert.Single(rows);
        Assert.Equal(1, total);
        Assert.Equal((300L, 42L, 12L), (row.Funnel.Visitors, row.Funnel.AddToCart, row.Funnel.PayingBuyers));
        Assert.Equal(0.04, row.Funnel.Conversion!.Value, 12);
        Assert.Equal((2 * 9_900 - 1_000 + 9_900L, 2, 3), (row.NetCents, row.Orders, row.Units));
        Assert.Equal(2, traffic.Total);
        Assert.Equal(2, orders.Total);
    }

    [Fact]
    public async Task Traffic_by_source_and_by_channel_gives_each_groups_share_and_conversion()
    {
        await using (var db = Harness.NewDb())
        {
            SourceTrafficDay Day(TrafficChannel channel, int day, string name, TrafficSource source, int visitors, int buyers) => new()
            {
                Channel = channel, Day = new DateOnly(2026, 11, day), SourceName = name, Source = source, Visitors = visitors, PageViews = visitors * 2, PayingBuyers = buyers,
            };
            db.SourceTrafficDays.AddRange(
                Day(TrafficChannel.Tmall, 20, "手淘搜索", TrafficSource.Search, 600, 30),
                Day(TrafficChannel.Tmall, 21, "手淘搜索", TrafficSource.Search, 200, 2),
                Day(TrafficChannel.Tmall, 20, "直通车", TrafficSource.Paid, 100, 1),
                Day(TrafficChannel.JD, 20, "搜索", TrafficSource.Search, 100, 7));
            await db.SaveChangesAsync();
        }
        var insights = Harness.Get<TrafficInsights>();

        var bySource = await insights.SourcesAsync(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 22), TrafficGrouping.Source);
        var byChannel = await insights.SourcesAsync(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 22), TrafficGrouping.Channel);
        var paidRows = await insights.SourceRecordsAsync(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 22), null, TrafficSource.Paid);

        // Search: 900 of 1,000 visitors, (30 + 2 + 7) / 900 = 4.33%; paid 100 visitors, 1 buyer.
        Assert.Equal([("Search", 900L, 0.9, 39L), ("Paid", 100L, 0.1, 1L)], bySource.Groups.Select(g => (g.Group, g.Visitors, Math.Round(g.Share!.Value, 9), g.PayingBuyers)));
        Assert.Equal(39 / 900.0, bySource.Groups[0].Conversion!.Value, 12);
        Assert.Equal([700L, 200L, null], bySource.Series[0].Visitors);
        Assert.Equal([("Tmall", 900L), ("JD", 100L)], byChannel.Groups.Select(g => (g.Group, g.Visitors)));
        Assert.Equal(40 / 1000.0, byChannel.Total.Conversion!.Value, 12);
        Assert.Equal(1, paidRows.Total);
    }

    [Fact]
    public void The_demo_split_adds_up_to_the_whole()
    {
        Assert.Equal([4, 3, 3], TrafficBreakdownDemoData.Split(10, [1, 1, 1]));
        Assert.Equal(1_234, TrafficBreakdownDemoData.Split(1_234, [0.34, 0.24, 0.16, 0.09, 0.07]).Sum());
        Assert.Equal([0, 0], TrafficBreakdownDemoData.Split(0, [1, 2]));
    }
}
