using Bunit;
using EcomOps.Console.Features.Analytics;
using EcomOps.Domain.Analytics.Customers;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Analytics;

public sealed class CustomersPageTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private BunitContext Context()
    {
        var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton(_harness.Get<CustomerAnalysisQueries>());
        ctx.AddAuthorization().SetAuthorized("opsmanager@ecomops.local").SetRoles(Roles.OperationsManager).SetPolicies(Permissions.AnalyseCustomers);
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }

    [Fact]
    public async Task Before_the_first_nightly_run_the_page_says_when_the_analysis_is_computed_and_shows_every_segment_empty()
    {
        await using var ctx = Context();

        var page = ctx.Render<CustomersPage>();

        page.WaitForElement("[data-testid=customers-not-computed]");
        Assert.Contains("02:30", page.Find("[data-testid=customers-not-computed]").TextContent, StringComparison.Ordinal);
        Assert.Equal(6, page.FindAll("[data-testid^=segment-]").Count);
        Assert.NotEmpty(page.FindAll("[data-testid=customers-empty]"));
    }

    [Fact]
    public async Task A_segment_card_lists_its_customers_from_the_stored_analysis()
    {
        await using (var db = _harness.NewDb())
        {
            db.Set<CustomerProfile>().AddRange(
                new CustomerProfile { Phone = "+86 138 0000 0001", Name = "王芳", Orders = 1, SpendCents = 9_900, Recency = 3, Frequency = 1, Monetary = 1, Segment = CustomerSegment.Hibernating },
                new CustomerProfile { Phone = "+86 138 0000 0002", Name = "李雷", Orders = 6, SpendCents = 300_000, Recency = 5, Frequency = 4, Monetary = 4, Segment = CustomerSegment.Vip });
            db.Set<CustomerInsightRun>().Add(new CustomerInsightRun { FinishedAtUtc = _harness.Clock.GetUtcNow().UtcDateTime, Orders = 7, Customers = 2 });
            await db.SaveChangesAsync();
        }
        await using var ctx = Context();
        var page = ctx.Render<CustomersPage>();
        // The run's line and the table's rows arrive separately (on PostgreSQL the rows may come a render later).
        page.WaitForAssertion(() => Assert.Contains("李雷", page.Find("[data-testid=customers-table]").TextContent, StringComparison.Ordinal));

        page.Find("[data-testid=segment-Hibernating]").Click();

        page.WaitForAssertion(() => Assert.Contains("王芳", page.Find("[data-testid=customers-table]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("李雷", page.Find("[data-testid=customers-table]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_segment_shows_what_it_buys_the_back_test_beside_the_model_and_a_customer_opens_with_preferences_and_the_reason_for_the_next_purchase()
    {
        var today = DateOnly.FromDateTime(_harness.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        await using (var db = _harness.NewDb())
        {
            var preferences = new PurchasePreferences([new(PreferenceKind.Category, "茶叶", 21_000, 0.84), new(PreferenceKind.Category, "茶杯", 4_000, 0.16)],
                [new(PreferenceKind.Brand, "山岚", 25_000, 1)], [new(PreferenceKind.PriceBand, "中端", 15_000, 0.6)]);
            db.Set<CustomerProfile>().Add(new CustomerProfile
            {
                Phone = "+86 138 0000 0002", Name = "李雷", Orders = 6, SpendCents = 300_000, Recency = 5, Frequency = 4, Monetary = 4, Segment = CustomerSegment.Vip,
                FirstOrderDay = today.AddDays(-100), LastOrderDay = today.AddDays(-40), TopCategory = "茶叶", TopCategoryShare = 0.84, Preferences = PreferenceCodec.Write(preferences),
                NextCategory = "茶叶", NextFrom = today.AddDays(1), NextTo = today.AddDays(15), NextLastBought = today.AddDays(-40), NextGapDays = 30,
                NextBasis = NextPurchaseBasis.OwnInterval, NextTimes = 4,
            });
            db.Set<SegmentPreference>().AddRange(
                new SegmentPreference { Segment = CustomerSegment.Vip, Kind = PreferenceKind.Category, Rank = 1, Label = "茶叶", SpendCents = 21_000, Share = 0.84 },
                new SegmentPreference { Segment = CustomerSegment.Vip, Kind = PreferenceKind.PriceBand, Rank = 1, Label = "中端", SpendCents = 15_000, Share = 0.6 });
            db.Set<CustomerInsightRun>().Add(new CustomerInsightRun
            {
                FinishedAtUtc = _harness.Clock.GetUtcNow().UtcDateTime, Orders = 6, Customers = 1, BacktestCutoff = today.AddDays(-60), BacktestEnd = today.AddDays(-4),
                BacktestCustomers = 40, BacktestModelHits = 14, BacktestBaselineHits = 9,
            });
            await db.SaveChangesAsync();
        }
        await using var ctx = Context();
        var dialogs = ctx.Render<MudDialogProvider>();
        var page = ctx.Render<CustomersPage>();
        // The run's line shows first; the segments and customers when all is read.
        page.WaitForElement("[data-testid=customers-table]");

        var backtest = page.Find("[data-testid=customers-backtest]").TextContent;
        Assert.Contains("14 of 40 customers (35.0%)", backtest, StringComparison.Ordinal);
        Assert.Contains("most bought category, same window) for 9 (22.5%)", backtest, StringComparison.Ordinal);
        Assert.Equal(["茶叶84.0%"], page.FindAll("[data-testid=tastes-Category]").Select(e => System.Text.RegularExpressions.Regex.Replace(e.TextContent, @"\s", "")));
        Assert.Single(page.FindAll("[data-testid=tastes-PriceBand]"));
        Assert.Contains("茶叶", page.Find("[data-testid=customers-table]").TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=customer-open]").Click();

        dialogs.WaitForElement("[data-testid=customer-next]");
        Assert.Contains("Bought 茶叶 on 4 days, every 30 days (median)", dialogs.Find("[data-testid=customer-next]").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, dialogs.FindAll("[data-testid=customer-preferences-Category]").Count);
        Assert.Contains("中端", dialogs.Find("[data-testid=customer-preferences]").TextContent, StringComparison.Ordinal);
        Assert.Contains("¥500.00", dialogs.Find("[data-testid=customer-history]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_segment_without_purchases_the_catalogue_can_place_says_so_and_a_run_without_a_back_test_says_why()
    {
        await using (var db = _harness.NewDb())
        {
            db.Set<CustomerInsightRun>().Add(new CustomerInsightRun { FinishedAtUtc = _harness.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        await using var ctx = Context();
        var page = ctx.Render<CustomersPage>();
        page.WaitForElement("[data-testid=tastes-empty]");

        Assert.Contains("no customer had a prediction", page.Find("[data-testid=customers-backtest]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_planner_is_offered_a_campaign_for_the_segment_shown_and_a_reader_without_campaign_rights_is_not()
    {
        await using (var planner = ComponentHarness.NewContext(_harness))
        {
            planner.Services.AddSingleton(_harness.Get<CustomerAnalysisQueries>());
            planner.AddAuthorization().SetAuthorized("opsmanager@ecomops.local").SetRoles(Roles.OperationsManager).SetPolicies(Permissions.AnalyseCustomers, Permissions.PlanCampaigns);
            planner.Render<MudPopoverProvider>();
            var page = planner.Render<CustomersPage>();
            page.WaitForElement("[data-testid=customers-create-campaign]");
            Assert.EndsWith("/campaigns/new?segment=Vip", page.Find("[data-testid=customers-create-campaign]").GetAttribute("href"), StringComparison.Ordinal);

            page.Find("[data-testid=segment-Lost]").Click();

            page.WaitForAssertion(() => Assert.EndsWith("/campaigns/new?segment=Lost", page.Find("[data-testid=customers-create-campaign]").GetAttribute("href"), StringComparison.Ordinal));
        }
        await using var reader = Context();
        var readOnly = reader.Render<CustomersPage>();
        readOnly.WaitForElement("[data-testid=customers-not-computed]");
        Assert.Empty(readOnly.FindAll("[data-testid=customers-create-campaign]"));
    }
}
