using EcomOps.Domain.Analytics.Optimisation;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using EcomOps.Domain.Orders;
using EcomOps.Tests.Catalog;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Analytics;

/// <summary>The scan, the one-click work, the effect and the thresholds on real SQLite with the fake clock.</summary>
public sealed class OptimisationScanTests : IAsyncLifetime
{
    private OptimisationWorld _world = default!;

    public async Task InitializeAsync() => _world = await OptimisationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task The_scan_opens_one_finding_for_the_weak_listing_and_running_it_again_adds_none()
    {
        var first = await _world.Scan.RunAsync();
        var second = await _world.Scan.RunAsync();

        var findings = await _world.FindingsAsync();
        var finding = Assert.Single(findings, f => f.Rule == OptimisationRule.LowConversion);
        Assert.Equal(_world.Weak, finding.ListingId);
        Assert.Equal(FindingState.New, finding.State);
        Assert.Equal(7.0 / 560, finding.Value, 10);
        Assert.Equal(0.05, finding.Reference, 10);
        Assert.Equal(560, finding.Volume);
        Assert.Equal(14, OptimisationScan.Split(finding.Series).Count);
        Assert.DoesNotContain(findings, f => f.ListingId == _world.Strong && f.Rule == OptimisationRule.LowConversion);
        Assert.Equal(0, second.Found);
        Assert.Equal(first.Found, second.Updated);
    }

    [Fact]
    public async Task A_finding_whose_condition_clears_before_anyone_acts_is_closed_as_resolved_by_itself()
    {
        var finding = await _world.LowConversionAsync();
        // The tee's report is corrected: 4 buyers a day, 10% — no longer weak.
        await _world.TrafficAsync(_world.Weak, OptimisationWorld.Today.AddDays(-14), OptimisationWorld.Today.AddDays(-1), 40, _ => 4);

        var result = await _world.Scan.RunAsync();

        var closed = await _world.FindingAsync(finding.Id);
        Assert.Equal(FindingState.Closed, closed.State);
        Assert.Equal(FindingOutcome.ResolvedByItself, closed.Outcome);
        Assert.Equal(1, result.ResolvedByThemselves);
    }

    [Fact]
    public async Task One_click_turns_a_low_conversion_finding_into_a_design_request_linked_both_ways_and_a_second_click_is_refused()
    {
        var finding = await _world.LowConversionAsync();

        var outcome = await _world.Desk.ActAsync(_world.Manager, finding.Id, finding.Version);

        Assert.True(outcome.Succeeded);
        var acted = await _world.FindingAsync(finding.Id);
        Assert.Equal(FindingState.InProgress, acted.State);
        Assert.Equal(FindingWork.DesignRequest, acted.Work);
        Assert.Equal(_world.Manager.Name, acted.OwnerName);
        Assert.Equal(OptimisationWorld.Today.AddDays(OptimisationDesk.WorkDays), acted.DueOn);
        var request = (await _world.Design.DetailAsync(acted.WorkId!.Value)).Request;
        Assert.Equal(DesignKind.DetailPage, request.Kind);
        Assert.Equal(_world.Weak, request.ListingId);
        Assert.Contains(acted.Number, request.Brief);
        Assert.Contains("1.25%", request.Brief);
        Assert.Equal(finding.Id, (await _world.Desk.FindingOfAsync(FindingWork.DesignRequest, request.Id))!.Id);

        // The same click from a page that still shows the card as new: stale, nothing written.
        var stale = await _world.Desk.ActAsync(_world.OtherManager, finding.Id, finding.Version);
        var again = await _world.Desk.ActAsync(_world.OtherManager, finding.Id, acted.Version);

        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Equal(OptimisationErrors.AlreadyActed, Assert.Single(again.Errors).Code);
        await using var db = _world.Harness.NewDb();
        Assert.Equal(1, await db.Set<DesignRequest>().CountAsync(r => r.ListingId == _world.Weak && r.Brief.Contains(acted.Number)));
    }

    [Fact]
    public async Task A_delivered_detail_page_starts_measuring_at_delivery_and_is_measured_after_the_window_against_the_category_baseline()
    {
        var finding = await _world.LowConversionAsync();
        CatalogWorld.Done(await _world.Desk.ActAsync(_world.Manager, finding.Id, finding.Version));
        var requestId = (await _world.FindingAsync(finding.Id)).WorkId!.Value;
        await _world.DeliverAsync(requestId, _world.Manager);

        var measuring = await _world.FindingAsync(finding.Id);
        Assert.Equal(FindingState.Measuring, measuring.State);
        Assert.Equal(OptimisationWorld.Today, measuring.WorkDoneOn);
        Assert.Equal(OptimisationWorld.Today.AddDays(15), measuring.MeasureOn);
        await _world.Scan.RunAsync();
        Assert.Equal(FindingState.Measuring, (await _world.FindingAsync(finding.Id)).State);

        // The 14 days after delivery: the tee converts 2 of 40 (5%), the rest of its category 6 of 100 (6%).
        await _world.TrafficAsync(_world.Weak, OptimisationWorld.Today.AddDays(1), OptimisationWorld.Today.AddDays(14), 40, _ => 2);
        await _world.TrafficAsync(_world.Strong, OptimisationWorld.Today.AddDays(1), OptimisationWorld.Today.AddDays(14), 100, _ => 6);
        _world.Harness.Clock.Advance(TimeSpan.FromDays(14));
        await _world.Scan.RunAsync();
        Assert.Equal(FindingState.Measuring, (await _world.FindingAsync(finding.Id)).State);

        _world.Harness.Clock.Advance(TimeSpan.FromDays(1));
        await _world.Scan.RunAsync();

        var closed = await _world.FindingAsync(finding.Id);
        Assert.Equal(FindingState.Closed, closed.State);
        Assert.Equal(FindingOutcome.Improved, closed.Outcome);
        Assert.Equal(0.05, closed.ValueAfter!.Value, 10);
        Assert.Equal(0.06, closed.ReferenceAfter!.Value, 10);
        // (5% − 1.25%) − (6% − 5%) = 2.75 points.
        Assert.Equal(2.75, closed.Effect!.Value, 6);
        var listed = Assert.Single(await _world.Harness.Get<OptimisationOutcomes>().ListAsync());
        Assert.Equal(finding.Id, listed.Id);
    }

    [Fact]
    public async Task Paid_traffic_that_costs_more_than_its_buyers_margin_opens_a_finding_per_channel_and_cutting_the_bids_measures_as_improved()
    {
        var today = OptimisationWorld.Today;
        await using (var db = _world.Harness.NewDb())
        {
            for (var day = today.AddDays(-14); day < today; day = day.AddDays(1))
            {
                // Tmall's 直通车: 2 buyers a day for ¥150 a day. JD's 京东快车 spends ¥20 a day: under the ¥1,000 minimum in all.
                db.SourceTrafficDays.Add(new SourceTrafficDay { Channel = TrafficChannel.Tmall, Day = day, SourceName = "直通车", Source = TrafficSource.Paid, Visitors = 100, PageViews = 200, PayingBuyers = 2, SpendCents = 15_000 });
                db.SourceTrafficDays.Add(new SourceTrafficDay { Channel = TrafficChannel.JD, Day = day, SourceName = "京东快车", Source = TrafficSource.Paid, Visitors = 100, PageViews = 200, PayingBuyers = 1, SpendCents = 2_000 });
                // A free source's buyers are not the paid plan's.
                db.SourceTrafficDays.Add(new SourceTrafficDay { Channel = TrafficChannel.Tmall, Day = day, SourceName = "手淘搜索", Source = TrafficSource.Search, Visitors = 500, PageViews = 900, PayingBuyers = 30 });
            }
            // Tmall's orders in the window are worth ¥50 each on average (¥40 and ¥60 net of discount).
            var sku = await db.Skus.FirstAsync();
            var n = 0;
            foreach (var (cents, discount) in new[] { (5_000L, 1_000L), (6_000L, 0L) })
            {
                var at = _world.Harness.Clock.GetUtcNow().UtcDateTime.AddDays(-3);
                var order = new Order
                {
                    ChannelId = _world.Design.Listings.Tmall, PlatformOrderId = $"PAID{++n}", CustomerName = "A", CustomerPhone = "1", ShippingAddress = "B",
                    CustomerLanguage = "zh-Hans", PlacedAtUtc = at, ReceivedAtUtc = at, UpdatedAtUtc = at, Status = OrderStatus.Completed, ItemsCents = cents, DiscountCents = discount,
                };
                order.Lines.Add(new OrderLine { SkuId = sku.Id, SkuCode = sku.Code, Title = "T", Quantity = 1, UnitPriceCents = cents, DiscountCents = discount });
                db.Orders.Add(order);
            }
            await db.SaveChangesAsync();
        }

        await _world.Scan.RunAsync();

        var finding = Assert.Single(await _world.FindingsAsync(), f => f.Rule == OptimisationRule.PaidTrafficLoss);
        Assert.Equal(OptimisationScan.PaidKey(TrafficChannel.Tmall), finding.SubjectKey);
        // 28 buyers × ¥50 = ¥1,400 for ¥2,100: 0.67×, against break-even 3.33× at a 30% margin.
        Assert.Equal(1_400 / 2_100.0, finding.Value, 6);
        Assert.Equal(100 / 30.0, finding.Reference, 6);
        Assert.Equal(2_100, finding.Volume);
        Assert.Equal(14, OptimisationScan.Split(finding.Series).Count);

        // The owner cuts the bids to ¥20 a day for the same 2 buyers: 5.0× over the effect window.
        CatalogWorld.Done(await _world.Desk.ActAsync(_world.Manager, finding.Id, finding.Version));
        var acted = await _world.FindingAsync(finding.Id);
        Assert.Equal(FindingWork.Task, acted.Work);
        CatalogWorld.Done(await _world.Desk.MarkTaskDoneAsync(_world.Manager, acted.Id, acted.Version));
        await using (var db = _world.Harness.NewDb())
        {
            for (var day = today.AddDays(1); day <= today.AddDays(14); day = day.AddDays(1))
            {
                db.SourceTrafficDays.Add(new SourceTrafficDay { Channel = TrafficChannel.Tmall, Day = day, SourceName = "直通车", Source = TrafficSource.Paid, Visitors = 100, PageViews = 200, PayingBuyers = 2, SpendCents = 2_000 });
            }
            await db.SaveChangesAsync();
        }
        _world.Harness.Clock.Advance(TimeSpan.FromDays(15));
        await _world.Scan.RunAsync();

        var closed = await _world.FindingAsync(finding.Id);
        Assert.Equal(FindingState.Closed, closed.State);
        Assert.Equal(FindingOutcome.Improved, closed.Outcome);
        // No order since: the buyers are valued at the ¥50 of the window that fired the rule.
        Assert.Equal(5.0, closed.ValueAfter!.Value, 6);
    }

    [Fact]
    public async Task The_outcomes_export_lists_the_measured_figures_and_keeps_a_formula_like_title_as_text()
    {
        var finding = await _world.LowConversionAsync();
        CatalogWorld.Done(await _world.Desk.ActAsync(_world.Manager, finding.Id, finding.Version));
        await _world.DeliverAsync((await _world.FindingAsync(finding.Id)).WorkId!.Value, _world.Manager);
        await _world.Scan.RunAsync();
        await _world.TrafficAsync(_world.Weak, OptimisationWorld.Today.AddDays(1), OptimisationWorld.Today.AddDays(14), 40, _ => 2);
        await _world.TrafficAsync(_world.Strong, OptimisationWorld.Today.AddDays(1), OptimisationWorld.Today.AddDays(14), 100, _ => 6);
        _world.Harness.Clock.Advance(TimeSpan.FromDays(15));
        await _world.Scan.RunAsync();
        await using (var db = _world.Harness.NewDb())
        {
            await db.Set<OptimisationFinding>().Where(f => f.Id == finding.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.SubjectName, "=HYPERLINK(\"http://x\")"));
        }

        using var sheet = new ExportedList(await _world.Harness.Get<OptimisationOutcomes>().ExportAsync(ExportedList.Text("en")));

        var subject = Assert.Single(sheet.Cells("Subject"));
        Assert.False(subject.HasFormula);
        Assert.Equal("=HYPERLINK(\"http://x\")", subject.GetString());
        Assert.Equal(1.25, Assert.Single(sheet.Cells("Before")).GetDouble(), 6);
        Assert.Equal(5, Assert.Single(sheet.Cells("After")).GetDouble(), 6);
        Assert.Equal(2.75, Assert.Single(sheet.Cells("Effect")).GetDouble(), 6);
        Assert.Equal(["Improved"], sheet.Texts("Outcome"));
    }

    [Fact]
    public async Task A_task_marked_done_is_measured_and_only_a_task_can_be_marked_done_on_the_card()
    {
        var finding = await _world.LowConversionAsync();
        CatalogWorld.Done(await _world.Desk.ActAsync(_world.Manager, finding.Id, finding.Version));
        var acted = await _world.FindingAsync(finding.Id);

        var refused = await _world.Desk.MarkTaskDoneAsync(_world.Manager, acted.Id, acted.Version);

        Assert.Equal(OptimisationErrors.NotATask, Assert.Single(refused.Errors).Code);
    }

    [Fact]
    public async Task Thresholds_out_of_range_are_refused_field_by_field_with_nothing_saved_and_a_stale_save_is_a_conflict()
    {
        var refused = await _world.Desk.SetThresholdsAsync(_world.Manager, new Dictionary<string, double>
        {
            [OptimisationThresholds.ConversionRatioPercent] = 0,
            [OptimisationThresholds.ConversionWindowDays] = 14,
        }, 0);

        Assert.Equal(OutcomeKind.Invalid, refused.Kind);
        Assert.Equal(OptimisationThresholds.ConversionRatioPercent, Assert.Single(refused.Errors).Field);
        Assert.Equal(0, await _world.Desk.ThresholdsVersionAsync());

        CatalogWorld.Done(await _world.Desk.SetThresholdsAsync(_world.Manager, new Dictionary<string, double> { [OptimisationThresholds.ConversionRatioPercent] = 20 }, 0));
        var stale = await _world.Desk.SetThresholdsAsync(_world.OtherManager, new Dictionary<string, double> { [OptimisationThresholds.ConversionRatioPercent] = 30 }, 0);

        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        // At 20% of the category the tee (1.25% against 5% = 25%) is no longer weak enough to fire.
        await _world.Scan.RunAsync();
        Assert.DoesNotContain(await _world.FindingsAsync(), f => f.Rule == OptimisationRule.LowConversion);
    }

    [Fact]
    public async Task A_specialist_reads_the_board_but_cannot_act_on_a_finding_or_change_a_threshold()
    {
        var finding = await _world.LowConversionAsync();

        var act = await _world.Desk.ActAsync(_world.Specialist, finding.Id, finding.Version);
        var thresholds = await _world.Desk.SetThresholdsAsync(_world.Specialist, new Dictionary<string, double> { [OptimisationThresholds.ShortfallPercent] = 5 }, 0);

        Assert.Equal(Actor.NotPermitted, Assert.Single(act.Errors));
        Assert.Equal(Actor.NotPermitted, Assert.Single(thresholds.Errors));
        Assert.Equal(FindingState.New, (await _world.FindingAsync(finding.Id)).State);
        Assert.Contains(finding.Id, (await _world.Desk.BoardAsync()).Cards.Select(c => c.Finding.Id));
    }
}
