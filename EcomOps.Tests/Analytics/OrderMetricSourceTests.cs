using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Sources;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Time;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Analytics;

/// <summary>
/// The sales, customer and operations metrics on small hand-computed sets written straight into a real SQLite file,
/// in October 2025 (Shanghai), away from any demo data.
/// </summary>
public sealed class OrderMetricSourceTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;
    private CompanyTime _time = default!;
    private int _skuId;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartAsync();
        _time = _harness.Get<CompanyTime>();
        await using var db = _harness.NewDb();
        var sku = new Sku { Code = "SKU-1", Name = "Teapot" };
        db.Skus.Add(sku);
        await db.SaveChangesAsync();
        _skuId = sku.Id;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private MetricCatalogue Catalogue => _harness.Get<MetricCatalogue>();

    private MetricPeriod October => ReportPeriod.Containing(PeriodKind.Month, new DateOnly(2025, 10, 1)).ToUtc(_time.Zone);

    /// <summary>A company-local time in 2025 as UTC.</summary>
    private DateTime Local(int month, int day, int hour = 12, int minute = 0) => _time.ToUtc(new DateTime(2025, month, day, hour, minute, 0));

    private async Task<Dictionary<string, int>> ChannelsAsync()
    {
        await using var db = _harness.NewDb();
        var channels = new[]
        {
            new SalesChannel { Code = "TM", Name = "Tmall shop", Platform = SalesPlatform.Tmall },
            new SalesChannel { Code = "JD", Name = "JD shop", Platform = SalesPlatform.JD },
            new SalesChannel { Code = "TB", Name = "Taobao shop", Platform = SalesPlatform.Taobao },
        };
        db.SalesChannels.AddRange(channels);
        await db.SaveChangesAsync();
        return channels.ToDictionary(c => c.Code, c => c.Id);
    }

    private Order NewOrder(int channelId, DateTime placedUtc, string phone, long itemsCents, long discountCents, int quantity, OrderStatus status = OrderStatus.Accepted) => new()
    {
        ChannelId = channelId, PlatformOrderId = Guid.NewGuid().ToString("N"), CustomerName = "客户" + phone, CustomerPhone = phone,
        ShippingAddress = "上海市", CustomerLanguage = "zh-Hans", ItemsCents = itemsCents, DiscountCents = discountCents,
        TotalCents = itemsCents - discountCents, Status = status, PlacedAtUtc = placedUtc, ReceivedAtUtc = placedUtc, UpdatedAtUtc = placedUtc,
        Lines = [new OrderLine { SkuId = _skuId, SkuCode = "SKU-1", Title = "Teapot", Quantity = quantity, UnitPriceCents = itemsCents / quantity, DiscountCents = discountCents }],
    };

    private async Task<Order[]> AddAsync(params Order[] orders)
    {
        await using var db = _harness.NewDb();
        db.Orders.AddRange(orders);
        await db.SaveChangesAsync();
        return orders;
    }

    /// <summary>October 2025: six orders count, a cancelled one and one placed just after midnight on 1 November (local) do not.</summary>
    private async Task<Dictionary<string, int>> SalesMonthAsync()
    {
        var c = await ChannelsAsync();
        await AddAsync(
            NewOrder(c["TM"], Local(10, 3), "A", 10_000, 1_000, 2),
            NewOrder(c["TM"], Local(10, 9), "A", 5_000, 0, 1),
            NewOrder(c["JD"], Local(10, 12), "B", 20_000, 2_000, 3),
            NewOrder(c["TB"], Local(10, 15), "C", 3_000, 0, 1),
            NewOrder(c["TM"], Local(10, 16), "E", 99_900, 0, 5, OrderStatus.Cancelled),
            NewOrder(c["JD"], Local(10, 31, 23, 30), "D", 1_000, 0, 1),
            NewOrder(c["JD"], Local(11, 1, 0, 30), "B", 7_000, 0, 1),
            NewOrder(c["TM"], Local(10, 1, 0, 10), "", 2_000, 0, 1));
        return c;
    }

    [Fact]
    public async Task Sales_count_the_orders_placed_in_the_local_period_net_of_discounts_without_cancelled_ones()
    {
        await SalesMonthAsync();

        var snapshot = await Catalogue.MeasureAsync(October, new MeasureOptions(false, 4), Catalogue.ForArea("sales"));

        Assert.Equal(380.0, snapshot.Total(SalesMetricSource.Revenue));                 // (9,000 + 5,000 + 18,000 + 3,000 + 1,000 + 2,000) fen
        Assert.Equal(9.0, snapshot.Total(SalesMetricSource.Units));
        Assert.Equal(6.0, snapshot.Total(SalesMetricSource.OrderCount));
        Assert.Equal(380.0 / 6, snapshot.Total(SalesMetricSource.AverageOrderValue)!.Value, 9);
        Assert.Equal([("JD shop", 190.0), ("Taobao shop", 30.0), ("Tmall shop", 160.0)],
            snapshot.Breakdowns[SalesMetricSource.Revenue].Select(b => (b.Label, b.Value!.Value)));
        Assert.Equal([("JD shop", 2.0), ("Taobao shop", 1.0), ("Tmall shop", 3.0)],
            snapshot.Breakdowns[SalesMetricSource.OrderCount].Select(b => (b.Label, b.Value!.Value)));
        var records = snapshot.RecordsOf(SalesMetricSource.Revenue);
        Assert.Equal((6, 4), (records.Total, records.Shown.Count));
        Assert.All(records.Shown, r => Assert.StartsWith("/orders/", r.Link));
    }

    [Fact]
    public async Task Conversion_divides_the_orders_of_channels_with_traffic_by_their_visitors_from_the_traffic_reports()
    {
        await SalesMonthAsync();
        await using (var db = _harness.NewDb())
        {
            TrafficDay Day(TrafficChannel channel, int month, int day, int visitors) => new()
            {
                Channel = channel, Day = new DateOnly(2025, month, day), Visits = visitors * 2, PageViews = visitors * 5, Visitors = visitors, NewVisitors = 0,
            };
            db.TrafficDays.AddRange(Day(TrafficChannel.Tmall, 10, 1, 60), Day(TrafficChannel.Tmall, 10, 31, 40), Day(TrafficChannel.JD, 10, 2, 50),
                Day(TrafficChannel.Douyin, 10, 2, 30), Day(TrafficChannel.JD, 11, 1, 999));
            await db.SaveChangesAsync();
        }

        var snapshot = await Catalogue.MeasureAsync(October, new MeasureOptions(false, 10), Catalogue.ForArea("sales"));

        // Tmall 3 orders, JD 2; the Taobao order has no traffic report to divide by. Visitors 100 + 50 + 30.
        Assert.Equal(5 / 180.0, snapshot.Total(SalesMetricSource.Conversion));
        Assert.Equal([("Douyin", 0.0), ("JD", 2 / 50.0), ("Tmall", 3 / 100.0)],
            snapshot.Breakdowns[SalesMetricSource.Conversion].Select(b => (b.Label, b.Value!.Value)));
        Assert.Equal(5, snapshot.RecordsOf(SalesMetricSource.Conversion).Total);
        Assert.Contains("traffic", Catalogue.Find(SalesMetricSource.Conversion)!.FormulaEn);
    }

    [Fact]
    public async Task Repurchase_and_retention_identify_customers_by_phone_and_compare_with_the_calendar_month_before()
    {
        var c = await SalesMonthAsync();
        await AddAsync(
            NewOrder(c["TM"], Local(9, 10), "A", 1_000, 0, 1),
            NewOrder(c["JD"], Local(9, 1, 7), "B", 1_000, 0, 1),
            NewOrder(c["JD"], Local(9, 15), "E", 1_000, 0, 1),
            NewOrder(c["JD"], Local(9, 20), "F", 1_000, 0, 1, OrderStatus.Cancelled),
            NewOrder(c["JD"], Local(8, 31, 23), "C", 1_000, 0, 1));

        var snapshot = await Catalogue.MeasureAsync(October, new MeasureOptions(false, 10), Catalogue.ForArea("customers"));

        // October's customers A (twice), B, C, D; the order without a phone and the cancelled one do not count.
        Assert.Equal(1 / 4.0, snapshot.Total(CustomerMetricSource.RepurchaseRate));
        // September's customers A, B, E (F cancelled, C was in August); A and B came back in October.
        Assert.Equal(2 / 3.0, snapshot.Total(CustomerMetricSource.RetentionRate));
        Assert.Equal(["客户A"], snapshot.RecordsOf(CustomerMetricSource.RepurchaseRate).Shown.Select(r => r.Reference));
        Assert.Equal(["/orders?q=A", "/orders?q=B"], snapshot.RecordsOf(CustomerMetricSource.RetentionRate).Shown.Select(r => r.Link).Order());
        var september = ReportPeriod.Containing(PeriodKind.Month, new DateOnly(2025, 9, 1)).ToUtc(_time.Zone);
        Assert.Equal(september, _harness.Services.GetServices<IMetricSource>().OfType<CustomerMetricSource>().Single().PreviousOf(October));
    }

    [Fact]
    public async Task On_time_shipping_and_exception_rate_match_their_formulas()
    {
        var c = await ChannelsAsync();
        var o = await AddAsync(
            NewOrder(c["TM"], Local(10, 4), "A", 1_000, 0, 1),   // shipped before its ship-by time
            NewOrder(c["TM"], Local(10, 4), "B", 1_000, 0, 1),   // shipped an hour late, held first
            NewOrder(c["TM"], Local(10, 5), "C", 1_000, 0, 1),   // shipped without a ship-by time: not counted
            NewOrder(c["TM"], Local(10, 30), "D", 1_000, 0, 1),  // shipped in November
            NewOrder(c["TM"], Local(10, 19), "E", 1_000, 0, 1, OrderStatus.Cancelled), // held, then cancelled
            NewOrder(c["TM"], Local(11, 2), "F", 1_000, 0, 1));  // received in November, held
        await using (var db = _harness.NewDb())
        {
            void Ship(Order order, DateTime? shipBy, DateTime shipped)
            {
                var row = db.Orders.Single(x => x.Id == order.Id);
                (row.ShipByUtc, row.ShippedAtUtc) = (shipBy, shipped);
            }
            Ship(o[0], Local(10, 5, 10), Local(10, 5, 9));
            Ship(o[1], Local(10, 5, 10), Local(10, 5, 11));
            Ship(o[2], null, Local(10, 6));
            Ship(o[3], Local(11, 2), Local(11, 1, 1));
            foreach (var held in new[] { o[1], o[4], o[5] })
            {
                db.OrderHolds.Add(new OrderHold { OrderId = held.Id, Reason = HoldReason.AddressIncomplete, RaisedAtUtc = held.ReceivedAtUtc });
            }
            await db.SaveChangesAsync();
        }

        var snapshot = await Catalogue.MeasureAsync(October, new MeasureOptions(false, 10), Catalogue.ForArea("operations"));

        Assert.Equal(1 / 2.0, snapshot.Total(OperationsMetricSource.OnTimeShipping));
        Assert.Equal(2 / 5.0, snapshot.Total(OperationsMetricSource.ExceptionRate));
        Assert.Equal($"O{o[1].Id:D7}", snapshot.RecordsOf(OperationsMetricSource.OnTimeShipping).Shown[0].Reference); // late first
        Assert.Equal([$"/orders/{o[1].Id}", $"/orders/{o[4].Id}"], snapshot.RecordsOf(OperationsMetricSource.ExceptionRate).Shown.Select(r => r.Link).Order());
    }

    [Fact]
    public async Task Stock_out_rate_reads_availability_at_the_period_end_from_the_ledger_for_active_pairs()
    {
        await SeedStockStoryAsync();

        var snapshot = await Catalogue.MeasureAsync(October, new MeasureOptions(false, 10), Catalogue.ForArea("operations"));

        Assert.Equal(2 / 3.0, snapshot.Total(OperationsMetricSource.StockOutRate));
        Assert.Equal(["S2 @ Shanghai", "S6 @ Shanghai"], snapshot.RecordsOf(OperationsMetricSource.StockOutRate).Shown.Select(r => r.Reference).Order());
    }

    [Fact]
    public async Task The_stock_out_rates_trend_in_one_pass_equals_measuring_each_day_alone()
    {
        await SeedStockStoryAsync();
        var days = Enumerable.Range(0, 80)
            .Select(d => ReportPeriod.Containing(PeriodKind.Day, new DateOnly(2025, 8, 25).AddDays(d)).ToUtc(_time.Zone)).ToList();
        var source = _harness.Get<IEnumerable<IMetricSource>>().OfType<OperationsMetricSource>().Single();

        var trend = await Catalogue.SeriesAsync(OperationsMetricSource.StockOutRate, days);
        var dayByDay = await MetricSeries.ByBucketAsync(source, OperationsMetricSource.StockOutRate, days, default);

        Assert.Equal(dayByDay, trend);
        Assert.Contains(trend, v => v is null);
        Assert.Contains(trend, v => v is > 0 and < 1);
    }

    private async Task SeedStockStoryAsync()
    {
        await using (var db = _harness.NewDb())
        {
            var active = new Warehouse { Code = "SH", Name = "Shanghai" };
            var closed = new Warehouse { Code = "OLD", Name = "Old", Active = false };
            var skus = Enumerable.Range(2, 5).Select(i => new Sku { Code = $"S{i}", Name = $"Item {i}", Active = i != 4 }).ToList();
            db.Warehouses.AddRange(active, closed);
            db.Skus.AddRange(skus);
            await db.SaveChangesAsync();
            var (s2, s3, s4, s5, s6) = (skus[0].Id, skus[1].Id, skus[2].Id, skus[3].Id, skus[4].Id);
            void Move(int sku, int warehouse, DateTime at, int onHand, int reserved) => db.StockMovements.Add(new StockMovement
            {
                SkuId = sku, WarehouseId = warehouse, AtUtc = at, OnHandDelta = onHand, ReservedDelta = reserved, Reference = "test",
                Kind = reserved != 0 && onHand == 0 ? StockMovementKind.Reservation : onHand > 0 ? StockMovementKind.Receipt : StockMovementKind.Shipment,
            });
            void Balance(int sku, int warehouse, int onHand, int reserved) => db.StockBalances.Add(new StockBalance { SkuId = sku, WarehouseId = warehouse, OnHand = onHand, Reserved = reserved });
            // Out at the end of October, restocked in November.
            Move(s2, active.Id, Local(9, 1), 10, 0); Move(s2, active.Id, Local(10, 10), -10, 0); Move(s2, active.Id, Local(11, 5), 5, 0);
            Balance(s2, active.Id, 5, 0);
            // In stock at the end of October, sold out in November.
            Move(s3, active.Id, Local(9, 1), 5, 0); Move(s3, active.Id, Local(11, 3), -5, 0);
            Balance(s3, active.Id, 0, 0);
            // An inactive SKU and an inactive warehouse do not count.
            Move(s4, active.Id, Local(9, 1), 1, 0); Move(s4, active.Id, Local(10, 1), -1, 0);
            Balance(s4, active.Id, 0, 0);
            Move(s2, closed.Id, Local(9, 1), 1, 0); Move(s2, closed.Id, Local(10, 1), -1, 0);
            Balance(s2, closed.Id, 0, 0);
            // First stocked after the period: not a pair yet.
            Move(s5, active.Id, Local(11, 10), 3, 0); Move(s5, active.Id, Local(11, 11), -3, 0);
            Balance(s5, active.Id, 0, 0);
            // All of it reserved at the end: nothing available.
            Move(s6, active.Id, Local(9, 1), 2, 0); Move(s6, active.Id, Local(10, 15), 0, 2);
            Balance(s6, active.Id, 2, 2);
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Released_and_shipped_orders_are_credited_to_the_specialist_named_by_sign_in_or_full_name()
    {
        var c = await ChannelsAsync();
        var o = await AddAsync(
            NewOrder(c["TM"], Local(10, 1), "A", 1_000, 0, 1), NewOrder(c["TM"], Local(10, 1), "B", 1_000, 0, 1),
            NewOrder(c["TM"], Local(10, 1), "C", 1_000, 0, 1), NewOrder(c["TM"], Local(10, 1), "D", 1_000, 0, 1),
            NewOrder(c["TM"], Local(10, 1), "E", 1_000, 0, 1));
        int li, wang;
        await using (var db = _harness.NewDb())
        {
            Employee Specialist(string number, string name, string email) => new()
            {
                EmployeeNumber = number, FullName = name, Email = email, Team = Team.Operations, Role = Roles.OperationsSpecialist,
            };
            var a = Specialist("T-901", "李四", "li.test@ecomops.local");
            var b = Specialist("T-902", "王五", "wang.test@ecomops.local");
            db.Employees.AddRange(a, b);
            void Step(Order order, OrderEventKind kind, string by, DateTime at) => db.OrderEvents.Add(new OrderEvent { OrderId = order.Id, Kind = kind, ByName = by, AtUtc = at });
            Step(o[2], OrderEventKind.Released, "li.test@ecomops.local", Local(10, 3));
            Step(o[4], OrderEventKind.Released, "王五", Local(10, 4));
            Step(o[3], OrderEventKind.Released, "li.test@ecomops.local", Local(11, 2));
            Step(o[0], OrderEventKind.Shipped, "li.test@ecomops.local", Local(10, 5));
            Step(o[1], OrderEventKind.Shipped, "li.test@ecomops.local", Local(10, 5));
            Step(o[1], OrderEventKind.Shipped, "li.test@ecomops.local", Local(10, 6));   // second parcel: still one order
            Step(o[3], OrderEventKind.Shipped, "王五", Local(10, 20));
            Step(o[3], OrderEventKind.Shipped, "LI.TEST@ecomops.local", Local(10, 21));
            Step(o[2], OrderEventKind.Shipped, "system", Local(10, 7));
            await db.SaveChangesAsync();
            (li, wang) = (a.Id, b.Id);
        }

        var snapshot = await Catalogue.MeasureAsync(October, new MeasureOptions(true, 10), Catalogue.ForArea("operations"));

        Assert.Equal(2, snapshot.Total(OperationsMetricSource.OrdersReleased));
        Assert.Equal(1, snapshot.Of(OperationsMetricSource.OrdersReleased, li));
        Assert.Equal(1, snapshot.Of(OperationsMetricSource.OrdersReleased, wang));
        Assert.Equal(4, snapshot.Total(OperationsMetricSource.OrdersShipped));
        Assert.Equal(3, snapshot.Of(OperationsMetricSource.OrdersShipped, li));
        Assert.Equal(1, snapshot.Of(OperationsMetricSource.OrdersShipped, wang));
        Assert.Equal(3, snapshot.RecordsOf(OperationsMetricSource.OrdersShipped, li).Shown.Count);
        Assert.Contains(new BreakdownItem("王五", 1), snapshot.Breakdowns[OperationsMetricSource.OrdersShipped]);
    }

    [Fact]
    public async Task Count_accuracy_is_the_share_of_counts_finished_in_the_period_without_a_variance()
    {
        await using (var db = _harness.NewDb())
        {
            var warehouse = new Warehouse { Code = "SH", Name = "Shanghai" };
            var skus = Enumerable.Range(1, 7).Select(i => new Sku { Code = $"C{i}", Name = "Teapot" }).ToList();
            db.Warehouses.Add(warehouse);
            db.Skus.AddRange(skus);
            await db.SaveChangesAsync();
            // One SKU per count: a SKU has at most one open count per warehouse.
            var n = 0;
            void Count(CountStatus status, int? variance, DateTime? countedAt) => db.Set<CountTask>().Add(new CountTask
            {
                SkuId = skus[n++].Id, WarehouseId = warehouse.Id, Class = AbcClass.A, ScheduledFor = new DateOnly(2025, 10, 1),
                Status = status, CreatedAtUtc = Local(9, 30), Variance = variance, CountedQuantity = variance is null ? null : 10 + variance,
                ExpectedAtStart = 10, CountedAtUtc = countedAt,
            });
            Count(CountStatus.Completed, 0, Local(10, 2));
            Count(CountStatus.Completed, 0, Local(10, 20));
            Count(CountStatus.Approved, -3, Local(10, 21));
            Count(CountStatus.Rejected, 5, Local(10, 22));
            // Waiting for a decision, not yet finished; counted in another month; not counted at all.
            Count(CountStatus.AwaitingApproval, 4, Local(10, 23));
            Count(CountStatus.Completed, 0, Local(11, 1));
            Count(CountStatus.Scheduled, null, null);
            await db.SaveChangesAsync();
        }

        var snapshot = await Catalogue.MeasureAsync(October, new MeasureOptions(false, 10), Catalogue.ForArea("operations"));

        Assert.Equal(2 / 4.0, snapshot.Total(OperationsMetricSource.CountAccuracy));
        Assert.Equal(4, snapshot.RecordsOf(OperationsMetricSource.CountAccuracy).Total);
        Assert.Equal(["Teapot · +5", "Teapot · -3"], snapshot.RecordsOf(OperationsMetricSource.CountAccuracy).Shown.Take(2).Select(r => r.Detail));
    }

    [Fact]
    public void The_catalogue_lists_the_new_metrics_with_both_names_a_formula_a_unit_and_a_direction()
    {
        var expected = new (string Key, MetricUnit Unit, MetricDirection Direction, bool PerEmployee)[]
        {
            (SalesMetricSource.Revenue, MetricUnit.Yuan, MetricDirection.HigherIsBetter, false),
            (SalesMetricSource.Units, MetricUnit.Count, MetricDirection.HigherIsBetter, false),
            (SalesMetricSource.OrderCount, MetricUnit.Count, MetricDirection.HigherIsBetter, false),
            (SalesMetricSource.AverageOrderValue, MetricUnit.Yuan, MetricDirection.HigherIsBetter, false),
            (SalesMetricSource.Conversion, MetricUnit.Percent, MetricDirection.HigherIsBetter, false),
            (CustomerMetricSource.RepurchaseRate, MetricUnit.Percent, MetricDirection.HigherIsBetter, false),
            (CustomerMetricSource.RetentionRate, MetricUnit.Percent, MetricDirection.HigherIsBetter, false),
            (OperationsMetricSource.OnTimeShipping, MetricUnit.Percent, MetricDirection.HigherIsBetter, false),
            (OperationsMetricSource.ExceptionRate, MetricUnit.Percent, MetricDirection.LowerIsBetter, false),
            (OperationsMetricSource.StockOutRate, MetricUnit.Percent, MetricDirection.LowerIsBetter, false),
            (OperationsMetricSource.CountAccuracy, MetricUnit.Percent, MetricDirection.HigherIsBetter, false),
            (OperationsMetricSource.OrdersReleased, MetricUnit.Count, MetricDirection.HigherIsBetter, true),
            (OperationsMetricSource.OrdersShipped, MetricUnit.Count, MetricDirection.HigherIsBetter, true),
        };

        foreach (var (key, unit, direction, perEmployee) in expected)
        {
            var metric = Catalogue.Find(key);
            Assert.NotNull(metric);
            Assert.Equal((unit, direction, perEmployee, (Team?)Team.Operations), (metric.Unit, metric.Direction, metric.PerEmployee, metric.Team));
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", metric.NameEn);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", metric.NameZh);
            Assert.True(metric.FormulaEn.Length > 40, key);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", metric.FormulaZh);
        }
        Assert.Equal(["sales", "customers", "operations"], Catalogue.Areas.Select(a => a.Key).Where(k => k is "sales" or "customers" or "operations"));
        Assert.Contains("(Gross sales − discounts) ÷ orders", Catalogue.Find(SalesMetricSource.AverageOrderValue)!.FormulaEn);
        // CSAT stays the customer-service source's only.
        Assert.Single(Catalogue.Metrics, m => m.NameEn.Contains("CSAT"));
    }
}
