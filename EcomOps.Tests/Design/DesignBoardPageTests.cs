using System.Security.Claims;
using Bunit;
using EcomOps.Console.Features.Design;
using EcomOps.Domain.Design;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Tests.Catalog;
using EcomOps.Tests.Support;
using MudBlazor;

namespace EcomOps.Tests.Design;

/// <summary>The design board and request page in bUnit: live for every viewer, one computation shared, moves per viewer.</summary>
public sealed class DesignBoardPageTests : IAsyncLifetime
{
    private DesignWorld _world = default!;

    private DomainHarness Harness => _world.Listings.Catalog.Harness;

    public async Task InitializeAsync() => _world = await DesignWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static BunitContext Context(DomainHarness harness, Domain.Data.Actor actor)
    {
        var ctx = ComponentHarness.NewContext(harness);
        var role = actor.Roles![0];
        ctx.AddAuthorization().SetAuthorized(actor.Name).SetRoles(role).SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.UserId!))
            .SetPolicies([.. Permissions.All.Where(p => Permissions.Allows(role, p))]);
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudDialogProvider>();
        return ctx;
    }

    [Fact]
    public async Task A_new_request_and_each_move_appear_live_on_every_open_board_from_one_shared_computation()
    {
        await using var supervisorCtx = Context(Harness, _world.Supervisor);
        await using var specialistCtx = Context(Harness, _world.Specialist);
        var supervisorBoard = supervisorCtx.Render<DesignBoardPage>();
        var specialistBoard = specialistCtx.Render<DesignBoardPage>();
        supervisorBoard.WaitForElement("[data-testid=design-board]");
        specialistBoard.WaitForElement("[data-testid=design-board]");
        var shared = Harness.Get<SharedBoard<DesignBoard>>();
        var before = shared.Computations;

        var id = CatalogWorld.Done(await _world.Desk.RequestAsync(_world.Specialist, _world.DetailPageForm()));

        supervisorBoard.WaitForAssertion(() => Assert.Single(supervisorBoard.FindAll($"[data-testid=design-column-Requested] [data-testid=design-card-{id}]")), TimeSpan.FromSeconds(10));
        specialistBoard.WaitForAssertion(() => Assert.Single(specialistBoard.FindAll($"[data-testid=design-card-{id}]")), TimeSpan.FromSeconds(10));
        Assert.Equal(1, shared.Computations - before);
        // Only the supervisor is offered the supervisor's moves.
        Assert.Empty(specialistBoard.FindAll($"[data-testid=design-accept-{id}]"));

        supervisorBoard.Find($"[data-testid=design-accept-{id}]").Click();

        specialistBoard.WaitForAssertion(() => Assert.Single(specialistBoard.FindAll($"[data-testid=design-column-Accepted] [data-testid=design-card-{id}]")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_designer_cannot_review_or_assign_and_a_stale_move_on_the_page_says_someone_else_moved_the_card()
    {
        var id = await _world.InReviewAsync();
        await using var designerCtx = Context(Harness, _world.Designer);
        var page = designerCtx.Render<DesignRequestPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("[data-testid=design-version-1]");

        Assert.Empty(page.FindAll("[data-testid=design-approve]"));
        Assert.Empty(page.FindAll("[data-testid=design-assign]"));
        Assert.Single(page.FindAll("[data-testid=design-no-moves]"));

        await using var supervisorCtx = Context(Harness, _world.Supervisor);
        var review = supervisorCtx.Render<DesignRequestPage>(p => p.Add(x => x.Id, id));
        review.WaitForElement("[data-testid=design-approve]");
        // Someone else asks for changes while this supervisor's page still shows the version in review.
        var seen = await _world.VersionOf(id);
        CatalogWorld.Done(await _world.Desk.ReviewAsync(_world.Supervisor with { UserId = "u-other-sup" }, id, seen, DesignWorld.Review(approve: false)));
        var outcome = await _world.Desk.ReviewAsync(_world.Supervisor, id, seen, DesignWorld.Review(approve: true));

        Assert.Equal(Domain.Data.OutcomeKind.Conflict, outcome.Kind);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=design-submit]")), TimeSpan.FromSeconds(10));
        review.WaitForAssertion(() => Assert.Empty(review.FindAll("[data-testid=design-approve]")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_designers_home_lists_their_open_tasks_and_a_new_assignment_appears_without_a_reload()
    {
        await using var ctx = Context(Harness, _world.Designer);
        var home = ctx.Render<DesignHome>(p => p.Add(x => x.UserId, _world.Designer.UserId));
        home.WaitForElement("[data-testid=home-design-empty]");
        var id = CatalogWorld.Done(await _world.Desk.RequestAsync(_world.Specialist, _world.DetailPageForm(DesignWorld.Today)));

        CatalogWorld.Done(await _world.Desk.AssignAsync(_world.Supervisor, id, await _world.VersionOf(id), _world.DesignerId));

        home.WaitForAssertion(() => Assert.Single(home.FindAll($"[data-testid=home-design-task-{id}]")), TimeSpan.FromSeconds(10));
        Assert.Contains("1", home.Find("[data-testid=home-design-today]").TextContent, StringComparison.Ordinal);
        Assert.Equal("today", home.Find($"[data-testid=home-design-task-{id}] [data-testid=design-due]").GetAttribute("data-state"));
    }
}
