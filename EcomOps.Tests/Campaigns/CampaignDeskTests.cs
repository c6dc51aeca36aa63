using EcomOps.Domain.Analytics.Customers;
using EcomOps.Domain.Campaigns;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Answers;
using EcomOps.Domain.Time;
using EcomOps.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Campaigns;

[Trait("Engines", "Both")]
public sealed class CampaignDeskTests : IAsyncLifetime
{
    private static readonly Actor Specialist = Actor.Person("u-spec", "specialist", Roles.OperationsSpecialist);
    private static readonly Actor Manager = Actor.Person("u-mgr", "manager", Roles.OperationsManager);
    private static readonly Actor Director = Actor.Person("u-dir", "director", Roles.OperationsDirector);

    private OrderWorld _world = null!;

    private CampaignDesk Desk => _world.Harness.Get<CampaignDesk>();
    private CampaignQueries Queries => _world.Harness.Get<CampaignQueries>();
    private DateOnly Today => _world.Harness.Get<CompanyTime>().Today;

    public async Task InitializeAsync() => _world = await OrderWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private CampaignForm SpendSave(int startInDays = 0, int days = 5) => new()
    {
        Name = "双12 满减", Code = "D12", Type = CampaignType.SpendSave, ChannelIds = [_world.ChannelId],
        StartDate = Today.AddDays(startInDays), EndDate = Today.AddDays(startInDays + days - 1),
        Skus = [new CampaignSkuForm { SkuId = _world.SkuIds["SKU-1"] }, new CampaignSkuForm { SkuId = _world.SkuIds["SKU-2"] }],
        Tiers = [new SpendTier { ThresholdCents = 10_000, SaveCents = 2_000 }], DiscountBudgetCents = 1_000_000, UpliftPercent = 150,
    };

    private CampaignForm Discount(decimal percent, params string[] skus) => new()
    {
        Name = "限时折扣", Type = CampaignType.LimitedTimeDiscount, ChannelIds = [_world.ChannelId], StartDate = Today, EndDate = Today.AddDays(3),
        Skus = [.. skus.Select(s => new CampaignSkuForm { SkuId = _world.SkuIds[s], DiscountPercent = percent })], DiscountBudgetCents = 10_000_000,
    };

    private static T Done<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, $"{outcome.Kind}: {string.Join(", ", outcome.Errors.Select(e => $"{e.Field}:{e.Code}"))}");
        return outcome.Value!;
    }

    private async Task<int> CountAsync() => await _world.ReadAsync(db => db.Campaigns.CountAsync());

    private async Task<int> ApprovedAsync(CampaignForm form)
    {
        var id = Done(await Desk.SaveAsync(Specialist, null, 0, form));
        Done(await Desk.SubmitAsync(Specialist, id, (await Queries.FindAsync(id))!.Version));
        Done(await Desk.ApproveAsync(Director, id, (await Queries.FindAsync(id))!.Version));
        return id;
    }

    [Theory]
    [InlineData("ends-before-start", CampaignErrors.EndsBeforeStart)]
    [InlineData("discount-over-100", CampaignErrors.DiscountOutOfRange)]
    [InlineData("negative-price", CampaignErrors.NegativePrice)]
    [InlineData("tiers-out-of-order", CampaignErrors.TiersOutOfOrder)]
    [InlineData("budget-below-zero", CampaignErrors.BudgetNegative)]
    [InlineData("gift-without-stock", CampaignErrors.GiftOutOfStock)]
    public async Task Bad_input_is_refused_with_its_reason_and_nothing_is_saved(string input, string code)
    {
        var form = SpendSave();
        switch (input)
        {
            case "ends-before-start":
                form.EndDate = form.StartDate!.Value.AddDays(-1);
                break;
            case "discount-over-100":
                form = Discount(101, "SKU-1");
                break;
            case "negative-price":
                form = Discount(10, "SKU-1");
                form.Skus[0].DiscountPercent = null;
                form.Skus[0].FixedPriceCents = -1;
                break;
            case "tiers-out-of-order":
                form.Tiers = [new SpendTier { ThresholdCents = 30_000, SaveCents = 5_000 }, new SpendTier { ThresholdCents = 20_000, SaveCents = 3_000 }];
                break;
            case "budget-below-zero":
                form.AdsBudgetCents = -100;
                break;
            case "gift-without-stock":
                await using (var db = _world.Harness.NewDb())
                {
                    db.Skus.Add(new EcomOps.Domain.Catalog.Sku { Code = "GIFT-1", Name = "赠品", ListPriceCents = 1_000, UnitCostCents = 300 });
                    await db.SaveChangesAsync();
                    form = SpendSave();
                    form.Type = CampaignType.GiftWithPurchase;
                    form.GiftSkuId = db.Skus.Single(s => s.Code == "GIFT-1").Id;
                    form.GiftThresholdCents = 10_000;
                }
                break;
        }
        var outcome = await Desk.SaveAsync(Specialist, null, 0, form);
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Contains(code, outcome.Errors.Select(e => e.Code));
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task An_exclusive_campaign_refuses_another_on_the_same_skus_channel_and_dates_and_a_stale_edit_is_a_conflict()
    {
        var exclusive = SpendSave();
        exclusive.Exclusive = true;
        var id = Done(await Desk.SaveAsync(Specialist, null, 0, exclusive));
        var clash = Discount(10, "SKU-2");
        Assert.Contains(CampaignErrors.ExclusiveOverlap, (await Desk.SaveAsync(Specialist, null, 0, clash)).Errors.Select(e => e.Code));
        Assert.True((await Desk.SaveAsync(Specialist, null, 0, Discount(10, "SKU-3"))).Succeeded);

        var stale = (await Queries.FindAsync(id))!.Version;
        var renamed = SpendSave();
        renamed.Name = "双12 满减 v2";
        renamed.Exclusive = true;
        Done(await Desk.SaveAsync(Specialist, id, stale, renamed));
        renamed.Name = "someone else's";
        Assert.Equal(OutcomeKind.Conflict, (await Desk.SaveAsync(Manager, id, stale, renamed)).Kind);
        Assert.Equal("双12 满减 v2", (await Queries.FindAsync(id))!.Name);
    }

    [Fact]
    public async Task The_director_approves_recording_who_when_and_the_risks_and_a_change_after_approval_goes_back_to_review()
    {
        var id = Done(await Desk.SaveAsync(Specialist, null, 0, SpendSave(startInDays: 3)));
        Done(await Desk.SubmitAsync(Specialist, id, (await Queries.FindAsync(id))!.Version));
        var version = (await Queries.FindAsync(id))!.Version;
        Assert.Equal([Actor.NotPermitted], (await Desk.ApproveAsync(Manager, id, version)).Errors);
        Assert.Equal([Actor.NotPermitted], (await Desk.ApproveAsync(Specialist, id, version)).Errors);
        Done(await Desk.ApproveAsync(Director, id, version));
        var approved = (await Queries.FindAsync(id))!;
        Assert.Equal((CampaignState.Approved, "director"), (approved.State, approved.ApprovedByName));
        Assert.Equal(_world.Harness.Clock.GetUtcNow().UtcDateTime, approved.ApprovedAtUtc);
        Assert.NotNull(approved.ApprovalRiskState);

        var changed = SpendSave(startInDays: 3);
        changed.Tiers = [new SpendTier { ThresholdCents = 10_000, SaveCents = 3_000 }];
        Done(await Desk.SaveAsync(Specialist, id, approved.Version, changed));
        var back = (await Queries.FindAsync(id))!;
        Assert.Equal(CampaignState.InReview, back.State);
        Assert.Null(back.ApprovedAtUtc);
    }

    [Fact]
    public async Task A_manager_approves_when_the_setting_names_the_manager()
    {
        await using var harness = await Support.DomainHarness.StartAsync(s => s.AddSingleton(new CampaignSettings { ApproverRole = Roles.OperationsManager }));
        Assert.True(harness.Get<CampaignSettings>().MayApprove(Manager));
        Assert.False(new CampaignSettings().MayApprove(Manager));
        Assert.True(new CampaignSettings().MayApprove(Director));
    }

    [Fact]
    public async Task The_stock_check_flags_a_sku_short_of_forecast_times_uplift_and_a_purchase_order_arriving_in_time_clears_it()
    {
        // Fourteen days of 20 shipped a day: the forecast is some 20 a day, with 100 in stock.
        await using (var db = _world.Harness.NewDb())
        {
            var today = _world.Harness.Clock.GetUtcNow().UtcDateTime.Date;
            for (var d = 1; d <= 28; d++)
            {
                db.StockMovements.Add(new StockMovement { SkuId = _world.SkuIds["SKU-1"], WarehouseId = _world.WarehouseId, Kind = StockMovementKind.Shipment, OnHandDelta = -20, Reference = "test", AtUtc = today.AddDays(-d).AddHours(3) });
            }
            await db.SaveChangesAsync();
        }
        var id = Done(await Desk.SaveAsync(Specialist, null, 0, SpendSave(startInDays: 2, days: 5)));
        var risks = await _world.Harness.Get<CampaignRiskCheck>().CheckAsync(id);
        var short1 = Assert.Single(risks, r => r.Kind == AutoRiskKind.StockShort);
        Assert.Equal("SKU-1", short1.Subject);
        Assert.InRange(short1.Needed, 170, 200);
        Assert.Equal(100, short1.Have);

        int supplier;
        await using (var db = _world.Harness.NewDb())
        {
            var s = new Supplier { Code = "S1", Name = "供应商", LeadTimeDays = 30 };
            db.Suppliers.Add(s);
            await db.SaveChangesAsync();
            supplier = s.Id;
            db.PurchaseOrders.Add(new PurchaseOrder
            {
                SupplierId = supplier, WarehouseId = _world.WarehouseId, Status = PurchaseOrderStatus.Sent, CreatedAtUtc = DateTime.UtcNow,
                ExpectedAtUtc = _world.Harness.Clock.GetUtcNow().UtcDateTime.AddDays(30), Lines = [new PurchaseOrderLine { SkuId = _world.SkuIds["SKU-1"], OrderedQuantity = 200 }],
            });
            await db.SaveChangesAsync();
        }
        Assert.Contains(await _world.Harness.Get<CampaignRiskCheck>().CheckAsync(id), r => r.Kind == AutoRiskKind.StockShort);
        await using (var db = _world.Harness.NewDb())
        {
            db.PurchaseOrders.Add(new PurchaseOrder
            {
                SupplierId = supplier, WarehouseId = _world.WarehouseId, Status = PurchaseOrderStatus.Sent, CreatedAtUtc = DateTime.UtcNow,
                ExpectedAtUtc = _world.Harness.Clock.GetUtcNow().UtcDateTime.AddDays(3), Lines = [new PurchaseOrderLine { SkuId = _world.SkuIds["SKU-1"], OrderedQuantity = 200 }],
            });
            await db.SaveChangesAsync();
        }
        Assert.DoesNotContain(await _world.Harness.Get<CampaignRiskCheck>().CheckAsync(id), r => r.Kind == AutoRiskKind.StockShort);
    }

    [Fact]
    public async Task The_margin_overlap_and_budget_checks_each_flag_their_risk()
    {
        // SKU-1 costs half its list price: 60% off leaves no margin.
        var deep = Discount(60, "SKU-1");
        deep.DiscountBudgetCents = 0;
        var deepId = Done(await Desk.SaveAsync(Specialist, null, 0, deep));
        var other = Done(await Desk.SaveAsync(Specialist, null, 0, Discount(10, "SKU-1", "SKU-3")));
        await using (var db = _world.Harness.NewDb())
        {
            var today = _world.Harness.Clock.GetUtcNow().UtcDateTime.Date;
            for (var d = 1; d <= 28; d++)
            {
                db.StockMovements.Add(new StockMovement { SkuId = _world.SkuIds["SKU-1"], WarehouseId = _world.WarehouseId, Kind = StockMovementKind.Shipment, OnHandDelta = -1, Reference = "test", AtUtc = today.AddDays(-d).AddHours(3) });
            }
            await db.SaveChangesAsync();
        }
        var risks = await _world.Harness.Get<CampaignRiskCheck>().CheckAsync(deepId);
        Assert.Contains(risks, r => r.Kind == AutoRiskKind.MarginBelowFloor && r.Subject == "SKU-1" && r.Have < 10);
        Assert.Contains(risks, r => r.Kind == AutoRiskKind.Overlap && r.Needed == other);
        Assert.Contains(risks, r => r.Kind == AutoRiskKind.BudgetAbovePlan && r.Subject == "Discounts" && r.Needed > 0 && r.Have == 0);
        var mild = await _world.Harness.Get<CampaignRiskCheck>().CheckAsync(other);
        Assert.DoesNotContain(mild, r => r.Kind is AutoRiskKind.MarginBelowFloor or AutoRiskKind.BudgetAbovePlan);
    }

    [Fact]
    public async Task Orders_are_attributed_by_their_promotion_code_or_by_sku_and_window_and_review_figures_equal_them()
    {
        var id = await ApprovedAsync(SpendSave());
        Assert.Equal(CampaignState.Running, (await Queries.FindAsync(id))!.State);
        var byCode = await _world.TakeInAsync(_world.Draft("A-1", ("SKU-3", 1)) with { PromotionCode = "d12", CustomerPhone = "13800000001" });
        var byWindow = await _world.TakeInAsync(_world.Draft("A-2", ("SKU-2", 2)) with { CustomerPhone = "13800000002" });
        var outside = await _world.TakeInAsync(_world.Draft("A-3", ("SKU-3", 1)) with { CustomerPhone = "13800000003" });
        Assert.Equal(id, (await _world.OrderAsync(byCode.OrderId)).CampaignId);
        Assert.Equal(id, (await _world.OrderAsync(byWindow.OrderId)).CampaignId);
        Assert.Null((await _world.OrderAsync(outside.OrderId)).CampaignId);

        var figures = await Queries.FiguresAsync(id);
        Assert.Equal((2, 3, 2, 2_000L + 10_000L), (figures.Orders, figures.Units, figures.Participants, figures.RevenueCents));
        var board = await Queries.BoardAsync();
        Assert.Equal(figures, Assert.Single(board.Running).Figures);
    }

    [Fact]
    public async Task A_review_of_a_campaign_older_than_the_first_order_on_record_says_its_figures_are_not_its_whole_result()
    {
        var now = _world.Harness.Clock.GetUtcNow().UtcDateTime;
        async Task<int> EndedAsync(DateTime start) => await _world.ReadAsync(async db =>
        {
            var campaign = new Campaign { Name = $"旧活动 {start:MMdd}", Type = CampaignType.SpendSave, State = CampaignState.Ended, StartsAtUtc = start, EndsAtUtc = start.AddDays(3) };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return campaign.Id;
        });
        var old = await EndedAsync(now.AddDays(-30));
        Assert.True((await Queries.ReviewAsync(old))!.BeforeOrderHistory); // no order on record at all

        await _world.TakeInAsync(_world.Draft("H-1") with { PlacedAtUtc = now.AddDays(-20), PaidAtUtc = now.AddDays(-20) });
        var older = (await Queries.ReviewAsync(old))!;
        var recent = (await Queries.ReviewAsync(await EndedAsync(now.AddDays(-10))))!;

        Assert.True(older.BeforeOrderHistory);
        Assert.Equal(now.AddDays(-20), older.OrdersSinceUtc);
        Assert.Equal("Campaign.Review.OrdersSince", CampaignReviewWorkbook.Lines(older)[0].Item);
        Assert.False(recent.BeforeOrderHistory);
        Assert.DoesNotContain(CampaignReviewWorkbook.Lines(recent), l => l.Item == "Campaign.Review.OrdersSince");
    }

    [Fact]
    public async Task Conversion_counts_against_the_campaigns_own_listings_visitors_once_per_listing_reports_cover_its_days_else_the_stores()
    {
        var id = await ApprovedAsync(SpendSave());
        await _world.TakeInAsync(_world.Draft("V-1", ("SKU-1", 1)) with { PromotionCode = "D12", CustomerPhone = "13800000041" });
        await _world.TakeInAsync(_world.Draft("V-2", ("SKU-2", 1)) with { PromotionCode = "D12", CustomerPhone = "13800000042" });
        var store = await Queries.FiguresAsync(id);
        Assert.False(store.VisitorsOfListings);

        var today = Today;
        await _world.ReadAsync(async db =>
        {
            var product = new Domain.Catalog.Product { Name = "云朵T恤" };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            var sku = await db.Skus.FirstAsync(s => s.Id == _world.SkuIds["SKU-1"]);
            sku.ProductId = product.Id;
            var listing = new Domain.Catalog.Listing { ProductId = product.Id, ChannelId = _world.ChannelId, Title = "云朵T恤 夏季" };
            var other = new Domain.Catalog.Product { Name = "别的商品" };
            db.Products.Add(other);
            await db.SaveChangesAsync();
            var elsewhere = new Domain.Catalog.Listing { ProductId = other.Id, ChannelId = _world.ChannelId, Title = "别的商品" };
            db.Listings.AddRange(listing, elsewhere);
            await db.SaveChangesAsync();
            db.ListingTrafficDays.Add(new Domain.Analytics.Traffic.ListingTrafficDay { ListingId = elsewhere.Id, Day = today, Visitors = 500, PayingBuyers = 1 });
            db.ListingTrafficDays.Add(new Domain.Analytics.Traffic.ListingTrafficDay { ListingId = listing.Id, Day = today, Visitors = 40, PayingBuyers = 2 });
            db.ListingTrafficDays.Add(new Domain.Analytics.Traffic.ListingTrafficDay { ListingId = listing.Id, Day = today.AddDays(-3), Visitors = 1_000, PayingBuyers = 9 });
            await db.SaveChangesAsync();
            return 0;
        });

        var listings = await Queries.FiguresAsync(id);
        Assert.True(listings.VisitorsOfListings);
        // Only the campaign's days count: 2 orders over its listing's 40 visitors.
        Assert.Equal((40, 5.0), (listings.Visitors, listings.ConversionPercent!.Value));
        Assert.Contains(CampaignReviewWorkbook.Lines((await Queries.ReviewAsync(id))!), l => l.Item == "Campaign.Review.ConversionListings");
    }

    [Fact]
    public async Task The_first_review_accepts_a_price_the_campaign_explains_and_still_holds_a_real_deviation()
    {
        var id = await ApprovedAsync(Discount(50, "SKU-1"));
        var half = await _world.TakeInAsync(_world.Draft("P-1") with { Lines = [new OrderLineDraft("SKU-1", null, 1, 5_000, 0)], CustomerPhone = "13800000011" });
        Assert.Equal(OrderStatus.Accepted, half.Status);
        var tooLow = await _world.TakeInAsync(_world.Draft("P-2") with { Lines = [new OrderLineDraft("SKU-1", null, 1, 1_000, 0)], CustomerPhone = "13800000012" });
        Assert.Equal(OrderStatus.OnHold, tooLow.Status);
        Assert.Contains((await _world.OrderAsync(tooLow.OrderId)).Holds, h => h.Reason == HoldReason.PriceDeviation);
        // The same half price on a SKU the campaign does not cover is a deviation.
        var uncovered = await _world.TakeInAsync(_world.Draft("P-3") with { Lines = [new OrderLineDraft("SKU-2", null, 1, 2_500, 0)], CustomerPhone = "13800000013" });
        Assert.Equal(OrderStatus.OnHold, uncovered.Status);
        Assert.Equal(id, (await _world.OrderAsync(half.OrderId)).CampaignId);
    }

    [Fact]
    public async Task The_metric_source_reports_the_attributed_orders_of_the_period_and_the_goal_attainment_of_campaigns_that_ended()
    {
        var form = SpendSave(days: 1);
        form.GoalRevenueCents = 100_000;
        var id = await ApprovedAsync(form);
        await _world.TakeInAsync(_world.Draft("M-1", ("SKU-2", 2)) with { CustomerPhone = "13800000021" });
        await _world.TakeInAsync(_world.Draft("M-2", ("SKU-1", 1)) with { CustomerPhone = "13800000022" });
        var source = _world.Harness.Get<IEnumerable<EcomOps.Domain.Analytics.IMetricSource>>().OfType<CampaignMetricSource>().Single();
        var now = _world.Harness.Clock.GetUtcNow().UtcDateTime;
        var period = new EcomOps.Domain.Service.MetricPeriod(now.AddDays(-1), now.AddDays(2));
        var snapshot = await source.MeasureAsync(period, EcomOps.Domain.Analytics.MeasureOptions.TotalsOnly, default);
        var figures = await Queries.FiguresAsync(id);
        Assert.Equal(figures.Participants, snapshot.Total(CampaignMetricSource.Participants));
        Assert.Equal(figures.RevenueCents / 100.0, snapshot.Total(CampaignMetricSource.Revenue));
        var goal = (await Queries.FindAsync(id))!.GoalRevenueCents;
        Assert.Equal(figures.RevenueCents / (double)goal, snapshot.Total(CampaignMetricSource.GoalAttainment));
        Assert.Contains(_world.Harness.Get<EcomOps.Domain.Analytics.MetricCatalogue>().ForTeam(Team.Operations), m => m.Key == CampaignMetricSource.Revenue);
    }

    [Fact]
    public async Task Cs_briefed_publishes_the_campaigns_standard_answers_which_retire_when_it_ends()
    {
        var id = await ApprovedAsync(SpendSave());
        var campaign = (await Queries.FindAsync(id))!;
        var brief = campaign.Tasks.FindIndex(t => t.Kind == CampaignTaskKind.CsBriefed);
        Done(await Desk.CompleteTaskAsync(Specialist, id, campaign.Version, brief));
        var answers = await _world.ReadAsync(db => db.StandardAnswers.Where(a => a.Tags.Contains("campaign-" + campaign.Number)).ToListAsync());
        Assert.Equal(2, answers.Count);
        Assert.All(answers, a => Assert.Equal(AnswerStatus.Approved, a.Status));
        Assert.Contains(answers, a => a.Body.Contains("满100减20", StringComparison.Ordinal));

        _world.Harness.Clock.Advance(TimeSpan.FromDays(6));
        await Desk.AdvanceAsync();
        Assert.Equal(CampaignState.Ended, (await Queries.FindAsync(id))!.State);
        Assert.All(await _world.ReadAsync(db => db.StandardAnswers.Where(a => a.Tags.Contains("campaign-" + campaign.Number)).ToListAsync()),
            a => Assert.Equal(AnswerStatus.Retired, a.Status));
    }

    [Fact]
    public async Task Tasks_overdue_before_the_start_are_escalated_once()
    {
        var id = Done(await Desk.SaveAsync(Specialist, null, 0, SpendSave(startInDays: 5)));
        // The page and poster were due 7 days before the start: two days ago.
        var first = await Desk.AdvanceAsync();
        Assert.Contains(first, e => e.CampaignId == id && e.Kind == CampaignTaskKind.PageAndPoster);
        Assert.Empty(await Desk.AdvanceAsync());
        Assert.Equal(1, (await Queries.ListAsync(null, null, null, null)).Single().EscalatedTasks);
    }

    [Fact]
    public async Task The_review_of_an_ended_campaign_records_its_lessons_and_they_are_found_when_planning_the_next()
    {
        var id = await ApprovedAsync(SpendSave());
        _world.Harness.Clock.Advance(TimeSpan.FromDays(6));
        await Desk.AdvanceAsync();
        Done(await Desk.SaveReviewAsync(Specialist, id, (await Queries.FindAsync(id))!.Version, "满减拉高客单价", null, "门槛贴近客单价"));
        Assert.Equal(CampaignState.Reviewed, (await Queries.FindAsync(id))!.State);
        Assert.Equal(id, Assert.Single(await Queries.LessonsAsync(CampaignType.SpendSave, "客单价")).Id);
    }

    [Theory]
    [InlineData(CustomerSegment.New, false)]
    [InlineData(CustomerSegment.Hibernating, false)]
    [InlineData(CustomerSegment.Lost, false)]
    [InlineData(CustomerSegment.Vip, true)]
    [InlineData(CustomerSegment.Active, true)]
    [InlineData(CustomerSegment.AtRisk, true)]
    public async Task A_member_exclusive_campaign_is_only_for_a_segment_of_customers_who_bought_again(CustomerSegment segment, bool allowed)
    {
        var form = Discount(10, "SKU-1");
        (form.Type, form.MemberTier, form.AudienceSegment) = (CampaignType.MemberExclusive, MemberTier.Silver, segment);

        var outcome = await Desk.SaveAsync(Specialist, null, 0, form);

        if (allowed)
        {
            Assert.Equal(segment, (await Queries.FindAsync(Done(outcome)))!.AudienceSegment);
        }
        else
        {
            Assert.Equal([new FieldError(nameof(CampaignForm.AudienceSegment), CampaignErrors.AudienceNotMembers)], outcome.Errors);
            Assert.Equal(0, await CountAsync());
            // The same segment is a fine audience for a discount: a welcome or win-back offer.
            form.Type = CampaignType.LimitedTimeDiscount;
            Assert.Equal(segment, (await Queries.FindAsync(Done(await Desk.SaveAsync(Specialist, null, 0, form))))!.AudienceSegment);
        }
    }

    [Fact]
    public async Task A_campaign_drafted_for_a_segment_keeps_its_audience_and_reads_the_segments_size_from_the_last_analysis()
    {
        var members = CampaignAudience.DraftFor(CustomerSegment.Vip, "VIP 专场", Today, [_world.ChannelId]);
        var newcomers = CampaignAudience.DraftFor(CustomerSegment.New, "新客专享", Today, [_world.ChannelId]);
        Assert.Equal((CampaignType.MemberExclusive, MemberTier.Silver, Today.AddDays(14)), (members.Type, members.MemberTier, members.StartDate));
        Assert.Equal((CampaignType.LimitedTimeDiscount, (MemberTier?)null), (newcomers.Type, newcomers.MemberTier));
        // The planner adds what is on offer; the draft saves through the campaign desk like any other.
        newcomers.Skus = [new CampaignSkuForm { SkuId = _world.SkuIds["SKU-1"], DiscountPercent = 15 }];
        Assert.Equal([new FieldError(nameof(CampaignForm.Skus), CampaignErrors.NoSku)], CampaignRules.Check(members));
        Assert.Equal([Actor.NotPermitted], (await Desk.SaveAsync(Actor.Person("u-agent", "agent", Roles.CsAgent), null, 0, newcomers)).Errors);
        var id = Done(await Desk.SaveAsync(Specialist, null, 0, newcomers));
        var saved = (await Queries.FindAsync(id))!;
        Assert.Equal((CampaignState.Draft, CustomerSegment.New, "新客专享"), (saved.State, saved.AudienceSegment, saved.Name));
        Assert.Equal(new AudienceSize(0, null), await Queries.AudienceSizeAsync(CustomerSegment.New));

        var ranAt = _world.Harness.Clock.GetUtcNow().UtcDateTime;
        await using (var db = _world.Harness.NewDb())
        {
            db.Set<CustomerProfile>().AddRange(
                new CustomerProfile { Phone = "1", Name = "A", Segment = CustomerSegment.New },
                new CustomerProfile { Phone = "2", Name = "B", Segment = CustomerSegment.New },
                new CustomerProfile { Phone = "3", Name = "C", Segment = CustomerSegment.Vip });
            db.Set<CustomerInsightRun>().Add(new CustomerInsightRun { FinishedAtUtc = ranAt });
            await db.SaveChangesAsync();
        }
        Assert.Equal(new AudienceSize(2, ranAt), await Queries.AudienceSizeAsync(CustomerSegment.New));
    }
}
