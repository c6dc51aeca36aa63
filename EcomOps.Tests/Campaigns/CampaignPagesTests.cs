using System.Security.Claims;
using Bunit;
using EcomOps.Console.Features.Campaigns;
using EcomOps.Domain.Analytics.Customers;
using EcomOps.Domain.Campaigns;
using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using EcomOps.Tests.Orders;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Campaigns;

/// <summary>The live campaign board and the campaign page in bUnit, on real SQLite with the console's shared board.</summary>
public sealed class CampaignPagesTests : IAsyncLifetime
{
    private static readonly Actor Specialist = Actor.Person("u-spec", "specialist", Roles.OperationsSpecialist);
    private static readonly Actor Director = Actor.Person("u-dir", "director", Roles.OperationsDirector);

    private OrderWorld _world = null!;

    private CampaignDesk Desk => _world.Harness.Get<CampaignDesk>();
    private CampaignQueries Queries => _world.Harness.Get<CampaignQueries>();
    private DateOnly Today => _world.Harness.Get<CompanyTime>().Today;

    public async Task InitializeAsync() => _world = await OrderWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private BunitContext Context(Actor actor)
    {
        var ctx = ComponentHarness.NewContext(_world.Harness);
        foreach (var service in new[]
        {
            typeof(CampaignDesk), typeof(CampaignQueries), typeof(CampaignRiskCheck), typeof(CampaignSettings), typeof(Domain.Catalog.CatalogQueries),
            typeof(SharedBoard<CampaignBoard>), typeof(Domain.Inventory.StockQueries),
        })
        {
            ctx.Services.AddSingleton(service, _world.Harness.Services.GetRequiredService(service));
        }
        var role = actor.Roles![0];
        ctx.AddAuthorization().SetAuthorized(actor.Name).SetRoles(role).SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.UserId!))
            .SetPolicies([.. Permissions.All.Where(p => Permissions.Allows(role, p))]);
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudDialogProvider>();
        ctx.Render<MudSnackbarProvider>();
        return ctx;
    }

    private static T Done<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, $"{outcome.Kind}: {string.Join(", ", outcome.Errors.Select(e => $"{e.Field}:{e.Code}"))}");
        return outcome.Value!;
    }

    private CampaignForm SpendSave(int startInDays) => new()
    {
        Name = "双12 满减", Code = "D12", Type = CampaignType.SpendSave, ChannelIds = [_world.ChannelId],
        StartDate = Today.AddDays(startInDays), EndDate = Today.AddDays(startInDays + 4),
        Skus = [new CampaignSkuForm { SkuId = _world.SkuIds["SKU-1"] }, new CampaignSkuForm { SkuId = _world.SkuIds["SKU-2"] }],
        Tiers = [new SpendTier { ThresholdCents = 10_000, SaveCents = 2_000 }], DiscountBudgetCents = 1_000_000, UpliftPercent = 150, GoalRevenueCents = 100_000,
    };

    private async Task<int> ApprovedAsync(CampaignForm form)
    {
        var id = Done(await Desk.SaveAsync(Specialist, null, 0, form));
        Done(await Desk.SubmitAsync(Specialist, id, (await Queries.FindAsync(id))!.Version));
        Done(await Desk.ApproveAsync(Director, id, (await Queries.FindAsync(id))!.Version));
        return id;
    }

    [Fact]
    public async Task Changing_a_running_campaign_warns_that_its_prices_stop_until_it_is_approved_again()
    {
        var running = await ApprovedAsync(SpendSave(0));
        var laterForm = SpendSave(10);
        (laterForm.Code, laterForm.Name) = ("D13", "年货节");
        var later = await ApprovedAsync(laterForm);
        Assert.Equal(CampaignState.Running, (await Queries.FindAsync(running))!.State);
        await using var ctx = Context(Specialist);

        var editor = ctx.Render<CampaignEditorPage>(p => p.Add(x => x.Id, running));
        editor.WaitForElement("[data-testid=campaign-running-warning]");
        var approved = ctx.Render<CampaignEditorPage>(p => p.Add(x => x.Id, later));

        approved.WaitForAssertion(() => Assert.Contains("sends it back to review", approved.Markup, StringComparison.Ordinal));
        Assert.Empty(approved.FindAll("[data-testid=campaign-running-warning]"));
    }

    [Fact]
    public async Task The_live_board_says_nothing_runs_then_shows_a_started_campaigns_orders_as_they_arrive()
    {
        await using var ctx = Context(Specialist);
        var board = ctx.Render<CampaignBoardPage>();
        board.WaitForElement("[data-testid=campaign-board-empty]");

        var id = await ApprovedAsync(SpendSave(startInDays: 0));

        board.WaitForAssertion(() => Assert.Equal("0", board.Find($"[data-testid=board-{id}-orders]").TextContent), TimeSpan.FromSeconds(10));
        await _world.TakeInAsync(_world.Draft("B-1", ("SKU-1", 2)) with { PromotionCode = "D12", CustomerPhone = "13800000031" });
        await _world.TakeInAsync(_world.Draft("B-2", ("SKU-2", 1)) with { PromotionCode = "D12", CustomerPhone = "13800000032" });

        board.WaitForAssertion(() => Assert.Equal("2", board.Find($"[data-testid=board-{id}-orders]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal("3", board.Find($"[data-testid=board-{id}-units]").TextContent);
        Assert.Equal("2", board.Find($"[data-testid=board-{id}-participants]").TextContent);
        Assert.Single(board.FindAll($"[data-testid=board-{id}-sku-SKU-1]"));
    }

    [Fact]
    public async Task The_page_offers_a_poster_request_on_the_page_and_poster_task_and_then_shows_the_linked_request_and_its_state()
    {
        var id = await ApprovedAsync(SpendSave(startInDays: 10));
        await using var ctx = Context(Specialist);
        var page = ctx.Render<CampaignPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("[data-testid=campaign-task-PageAndPoster]");
        Assert.Single(page.FindAll("[data-testid=campaign-task-PageAndPoster] [data-testid=campaign-task-request-design]"));
        Assert.Empty(page.FindAll("[data-testid=campaign-task-AdsBooked] [data-testid=campaign-task-request-design]"));

        var request = Done(await _world.Harness.Get<DesignDesk>().RequestAsync(Specialist, new DesignRequestForm
        {
            Kind = DesignKind.CampaignPoster, Title = "活动海报", Brief = "满 100 减 20", DueDate = Today.AddDays(3), Campaign = "双12 满减", CampaignId = id,
        }));

        // The link changes the campaign, so the open page reloads it live.
        page.WaitForAssertion(() => Assert.Equal(DesignRules.NumberOf(request), page.Find("[data-testid=campaign-task-PageAndPoster] [data-testid=campaign-task-design]").TextContent),
            TimeSpan.FromSeconds(10));
        Assert.Equal(nameof(DesignState.Requested), page.Find("[data-testid=campaign-task-PageAndPoster] [data-testid=design-state]").GetAttribute("data-state"));
        Assert.Empty(page.FindAll("[data-testid=campaign-task-request-design]"));
    }

    [Fact]
    public async Task A_campaign_for_a_segment_shows_the_audiences_size_from_the_last_customer_analysis()
    {
        var form = SpendSave(startInDays: 10);
        form.AudienceSegment = CustomerSegment.AtRisk;
        var id = Done(await Desk.SaveAsync(Specialist, null, 0, form));
        await using (var db = _world.Harness.NewDb())
        {
            db.Set<CustomerProfile>().AddRange(
                new CustomerProfile { Phone = "1", Name = "A", Segment = CustomerSegment.AtRisk }, new CustomerProfile { Phone = "2", Name = "B", Segment = CustomerSegment.AtRisk },
                new CustomerProfile { Phone = "3", Name = "C", Segment = CustomerSegment.Lost });
            db.Set<CustomerInsightRun>().Add(new CustomerInsightRun { FinishedAtUtc = _world.Harness.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        await using var ctx = Context(Specialist);

        var page = ctx.Render<CampaignPage>(p => p.Add(x => x.Id, id));

        page.WaitForElement("[data-testid=campaign-audience-size]");
        Assert.Contains("At risk customers: 2 in the customer analysis of", page.Find("[data-testid=campaign-audience-size]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_campaign_for_a_segment_opens_the_campaign_form_with_the_segment_as_its_audience()
    {
        await using var ctx = Context(Specialist);
        ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/campaigns/new?segment=Vip");

        var page = ctx.Render<CampaignEditorPage>();

        page.WaitForElement("[data-testid=campaign-name]");
        Assert.Equal("VIP customers campaign", page.Find("input[data-testid=campaign-name]").GetAttribute("value"));
        Assert.Equal("VIP", page.Find("input[data-testid=campaign-segment]").GetAttribute("value"));
        Assert.Equal("Member exclusive", page.Find("[data-testid=campaign-type]").TextContent);
    }
}
