using System.Security.Claims;
using Bunit;
using EcomOps.Console.Features.Analytics;
using EcomOps.Domain.Analytics.Optimisation;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Analytics;

/// <summary>The optimisation board in bUnit: a card's one click creates and links the work, a stale click says so, a specialist only reads.</summary>
public sealed class OptimisationPageTests : IAsyncLifetime
{
    private OptimisationWorld _world = default!;

    public async Task InitializeAsync() => _world = await OptimisationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private IRenderedComponent<MudSnackbarProvider> _snackbars = default!;

    private BunitContext Context(Actor actor)
    {
        var ctx = ComponentHarness.NewContext(_world.Harness);
        foreach (var service in new[] { typeof(SharedBoard<OptimisationBoard>), typeof(OptimisationDesk), typeof(OptimisationOutcomes) })
        {
            ctx.Services.AddSingleton(service, _world.Harness.Services.GetRequiredService(service));
        }
        var role = actor.Roles![0];
        ctx.AddAuthorization().SetAuthorized(actor.Name).SetRoles(role).SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.UserId!))
            .SetPolicies([.. Permissions.All.Where(p => Permissions.Allows(role, p))]);
        ctx.Render<MudPopoverProvider>();
        _snackbars = ctx.Render<MudSnackbarProvider>();
        return ctx;
    }

    [Fact]
    public async Task A_managers_one_click_creates_the_design_request_links_it_on_the_card_and_moves_the_card_to_in_progress()
    {
        var finding = await _world.LowConversionAsync();
        await using var ctx = Context(_world.Manager);
        var page = ctx.Render<OptimisationPage>();
        page.WaitForElement($"[data-testid=optimise-column-New] [data-testid=optimise-card-{finding.Id}]");
        var evidence = page.Find($"[data-testid=optimise-evidence-{finding.Id}]").TextContent;
        Assert.Contains("1.25%", evidence);
        Assert.Contains("5.00%", evidence);
        Assert.Contains("560", evidence);
        Assert.Contains("50%", page.Find($"[data-testid=optimise-formula-{finding.Id}]").TextContent);

        await page.InvokeAsync(() => page.Find($"[data-testid=optimise-act-{finding.Id}]").Click());

        page.WaitForAssertion(() => Assert.Single(page.FindAll($"[data-testid=optimise-column-InProgress] [data-testid=optimise-card-{finding.Id}]")), TimeSpan.FromSeconds(10));
        // The card moves when it is claimed; the link follows when the request is linked.
        page.WaitForElement($"[data-testid=optimise-work-{finding.Id}] a", TimeSpan.FromSeconds(10));
        var acted = await _world.FindingAsync(finding.Id);
        var link = page.Find($"[data-testid=optimise-work-{finding.Id}] a");
        Assert.Equal($"/design/requests/{acted.WorkId}", link.GetAttribute("href"));
        Assert.Contains(Domain.Design.DesignRules.NumberOf(acted.WorkId!.Value), link.TextContent);
        Assert.Empty(page.FindAll($"[data-testid=optimise-act-{finding.Id}]"));
    }

    [Fact]
    public async Task A_click_on_a_card_someone_else_changed_meanwhile_says_so_and_creates_nothing()
    {
        var finding = await _world.LowConversionAsync();
        await using var ctx = Context(_world.Manager);
        var page = ctx.Render<OptimisationPage>();
        page.WaitForElement($"[data-testid=optimise-act-{finding.Id}]");
        // Another save moves the finding's version on without the page hearing of it yet.
        await using (var db = _world.Harness.NewDb())
        {
            await db.Set<OptimisationFinding>().Where(f => f.Id == finding.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Version, f => f.Version + 1));
        }

        await page.InvokeAsync(() => page.Find($"[data-testid=optimise-act-{finding.Id}]").Click());

        _snackbars.WaitForAssertion(() => Assert.Contains("Someone else changed this finding", _snackbars.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal(FindingState.New, (await _world.FindingAsync(finding.Id)).State);
        await using var check = _world.Harness.NewDb();
        Assert.Equal(0, await check.Set<Domain.Design.DesignRequest>().CountAsync(r => r.ListingId == _world.Weak));
    }

    [Fact]
    public async Task A_specialist_sees_the_board_read_only_without_the_one_click_or_a_threshold_save()
    {
        var finding = await _world.LowConversionAsync();
        await using var ctx = Context(_world.Specialist);
        var page = ctx.Render<OptimisationPage>();
        page.WaitForElement($"[data-testid=optimise-card-{finding.Id}]");

        Assert.Single(page.FindAll("[data-testid=optimise-read-only]"));
        Assert.Empty(page.FindAll($"[data-testid=optimise-act-{finding.Id}]"));
        // Found and clicked in one turn of the renderer: the board may render again (its live figures) between the two.
        await page.InvokeAsync(() => page.Find("[data-testid=optimise-thresholds-toggle]").Click());
        page.WaitForElement("[data-testid=optimise-thresholds]");
        Assert.Empty(page.FindAll("[data-testid=optimise-thresholds-save]"));
    }

    [Fact]
    public async Task A_threshold_out_of_range_shows_its_message_on_its_field_and_saves_nothing()
    {
        await using var ctx = Context(_world.Manager);
        var page = ctx.Render<OptimisationPage>();
        page.WaitForElement("[data-testid=optimise-board]");
        await page.InvokeAsync(() => page.Find("[data-testid=optimise-thresholds-toggle]").Click());
        page.WaitForElement("[data-testid=optimise-thresholds]");

        var field = page.Find($"[data-testid=optimise-threshold-{OptimisationThresholds.ConversionRatioPercent}]");
        (field.TagName == "INPUT" ? field : field.QuerySelector("input")!).Change("150");
        await page.InvokeAsync(() => page.Find("[data-testid=optimise-thresholds-save]").Click());

        page.WaitForAssertion(() => Assert.Contains("Must be between 1 and 99", page.Find($"[data-testid=optimise-thresholds]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(0, await _world.Desk.ThresholdsVersionAsync());
    }
}
