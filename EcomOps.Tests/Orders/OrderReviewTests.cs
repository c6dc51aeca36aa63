using EcomOps.Domain.Orders;
using EcomOps.Domain.Service.Sla;

namespace EcomOps.Tests.Orders;

public sealed class OrderReviewTests
{
    private static readonly DateTime Placed = new(2026, 11, 27, 1, 0, 0, DateTimeKind.Utc);

    private static Order NewOrder(Action<Order>? change = null)
    {
        var order = new Order
        {
            PlatformOrderId = "P-1",
            CustomerName = "王喆",
            CustomerPhone = "13812345678",
            ShippingAddress = "上海市浦东新区张江路 100 号",
            CustomerLanguage = "zh-Hans",
            PaymentStatus = PaymentStatus.Paid,
            PlacedAtUtc = Placed,
            Lines = [new OrderLine { SkuId = 1, SkuCode = "SKU-1", Title = "杯子", Quantity = 2, UnitPriceCents = 10_000 }],
        };
        change?.Invoke(order);
        OrderRules.Totals(order);
        return order;
    }

    private static IReadOnlyList<HoldReason> Review(Order order, OrderSettings? settings = null, IReadOnlyList<RecentOrder>? recent = null) =>
        [.. OrderReview.Review(new ReviewInput(order, new Dictionary<int, long> { [1] = 10_000 }, recent ?? []), settings ?? new OrderSettings()).Select(f => f.Reason)];

    [Fact]
    public void A_complete_paid_order_at_list_price_passes()
    {
        Assert.Empty(Review(NewOrder()));
    }

    [Theory]
    [InlineData("", "上海市浦东新区张江路 100 号")]
    [InlineData("王喆", "上海")]
    [InlineData("王喆", "  ")]
    public void Missing_name_or_too_short_address_holds_the_order(string name, string address)
    {
        Assert.Equal([HoldReason.AddressIncomplete], Review(NewOrder(o => { o.CustomerName = name; o.ShippingAddress = address; })));
    }

    [Theory]
    [InlineData("1234", true)]
    [InlineData("23812345678", true)]
    [InlineData("13812345678", false)]
    [InlineData("138****5678", false)]
    [InlineData("170xxxxxxxx-1234", false)]
    [InlineData("021-62345678", false)]
    [InlineData("+86 13812345678", false)]
    public void Implausible_phones_hold_the_order(string phone, bool held)
    {
        Assert.Equal(held, Review(NewOrder(o => o.CustomerPhone = phone)).Contains(HoldReason.PhoneImplausible));
    }

    [Fact]
    public void Ciphertext_addresses_from_the_platform_count_as_complete()
    {
        Assert.Empty(Review(NewOrder(o => o.ShippingAddress = "##A1B2##")));
    }

    [Fact]
    public void Unpaid_orders_wait_for_payment()
    {
        Assert.Equal([HoldReason.PaymentNotConfirmed], Review(NewOrder(o => o.PaymentStatus = PaymentStatus.Unpaid)));
    }

    [Theory]
    [InlineData(7_000, 0, false)]
    [InlineData(6_900, 0, true)]
    [InlineData(13_000, 0, false)]
    [InlineData(13_100, 0, true)]
    [InlineData(10_000, 6_200, true)]
    public void Net_prices_beyond_the_allowed_deviation_from_list_price_are_held(long unitPrice, long lineDiscount, bool held)
    {
        var order = NewOrder(o => { o.Lines[0].UnitPriceCents = unitPrice; o.Lines[0].DiscountCents = lineDiscount; });

        Assert.Equal(held, Review(order).Contains(HoldReason.PriceDeviation));
    }

    [Fact]
    public void The_same_items_from_the_same_customer_within_the_window_are_a_possible_duplicate()
    {
        var order = NewOrder();
        var signature = OrderReview.ItemsSignature(order.Lines);

        Assert.Equal([HoldReason.PossibleDuplicate], Review(order, recent: [new RecentOrder("O0000001", signature, Placed.AddMinutes(-29))]));
        Assert.Empty(Review(order, recent: [new RecentOrder("O0000001", signature, Placed.AddMinutes(-31))]));
        Assert.Empty(Review(order, recent: [new RecentOrder("O0000001", "1x3", Placed.AddMinutes(-5))]));
    }

    [Fact]
    public void Orders_over_the_value_threshold_need_approval()
    {
        var settings = new OrderSettings { HighValue = { ThresholdCents = 19_999 } };

        Assert.Equal([HoldReason.HighValue], Review(NewOrder(), settings));
        Assert.Empty(Review(NewOrder(), new OrderSettings { HighValue = { ThresholdCents = 20_000 } }));
    }

    [Fact]
    public void Each_rule_can_be_switched_off()
    {
        var everythingWrong = NewOrder(o =>
        {
            o.CustomerName = "";
            o.CustomerPhone = "1";
            o.PaymentStatus = PaymentStatus.Unpaid;
            o.Lines[0].UnitPriceCents = 300_000;
        });
        var recent = new[] { new RecentOrder("O1", OrderReview.ItemsSignature(everythingWrong.Lines), Placed) };
        var off = new OrderSettings
        {
            Contact = { Enabled = false },
            Payment = { Enabled = false },
            Price = { Enabled = false },
            Duplicate = { Enabled = false },
            HighValue = { Enabled = false },
        };

        Assert.Equal(6, Review(everythingWrong, new OrderSettings(), recent).Count);
        Assert.Empty(Review(everythingWrong, off, recent));
    }

    [Fact]
    public void A_shortage_holds_as_out_of_stock_only_while_the_stock_rule_is_on()
    {
        var shortage = new List<(string, int, int)> { ("SKU-1", 2, 1) };

        Assert.Equal(HoldReason.OutOfStock, OrderReview.StockFinding(shortage, new OrderSettings())!.Reason);
        Assert.Null(OrderReview.StockFinding(shortage, new OrderSettings { Stock = { Enabled = false } }));
        Assert.Null(OrderReview.StockFinding([], new OrderSettings()));
    }

    [Fact]
    public void Ship_by_is_a_day_after_payment_or_a_working_day_when_business_days_are_set()
    {
        // Friday 2026-11-27 15:00 in Shanghai.
        var paid = new DateTime(2026, 11, 27, 7, 0, 0, DateTimeKind.Utc);
        var plain = new ShipByPolicy(new OrderSettings(), BusinessCalendar.ChinaDefault());
        var business = new ShipByPolicy(new OrderSettings { ShipBy = { BusinessDays = true } }, BusinessCalendar.ChinaDefault());

        Assert.Equal(paid.AddHours(24), plain.ShipBy(paid));
        Assert.Equal(paid.AddDays(3), business.ShipBy(paid));
        Assert.Null(plain.ShipBy(null));
        // Paid on Saturday: the clock starts Monday 00:00, due Tuesday 00:00.
        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc), business.ShipBy(paid.AddDays(1)));
    }

    [Fact]
    public void Orders_are_at_risk_in_the_last_hours_before_ship_by_and_late_after()
    {
        var policy = new ShipByPolicy(new OrderSettings(), BusinessCalendar.ChinaDefault());
        var due = Placed.AddHours(24);

        Assert.Equal(PromiseState.OnTrack, policy.State(due, due.AddHours(-5)));
        Assert.Equal(PromiseState.AtRisk, policy.State(due, due.AddHours(-3)));
        Assert.Equal(PromiseState.Late, policy.State(due, due.AddSeconds(1)));
        Assert.Equal(PromiseState.OnTrack, policy.State(null, due));
    }

    [Fact]
    public void Drafts_with_negative_amounts_bad_quantities_or_dates_in_the_future_are_invalid()
    {
        var draft = new OrderDraft
        {
            PlatformOrderId = "",
            CustomerName = "A",
            CustomerPhone = "13800001111",
            ShippingAddress = "x",
            CustomerLanguage = "fr",
            PlacedAtUtc = Placed.AddDays(1),
            ShippingFeeCents = -1,
            Lines = [new("SKU-1", null, 0, -5, 0), new("SKU-1", null, 1, 100, 101)],
        };

        var errors = OrderRules.Check(draft, Placed).Select(e => $"{e.Field}:{e.Code}").ToList();

        Assert.Equal(
            ["platformOrderId:Required", "customerLanguage:UnknownLanguage", "placedAt:DateInFuture", "shippingFee:AmountNegative",
             "lines[0].quantity:QuantityOutOfRange", "lines[0].unitPrice:AmountNegative", "lines[1].sku:DuplicateLine", "lines[1].discount:DiscountAboveLine"],
            errors);
    }
}
