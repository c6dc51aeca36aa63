using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Catalog;

/// <summary>The store pages (店铺装修): each channel's checklist and the seasonal plan, with dates in the company's days.</summary>
public sealed class StorePageTests : IAsyncLifetime
{
    private ListingWorld _world = default!;
    private int _designer;

    private StorePageDesk Desk => _world.Catalog.Harness.Get<StorePageDesk>();

    // The harness clock: 27 Nov 2026 10:00 in Shanghai.
    private static readonly DateOnly Today = new(2026, 11, 27);

    public async Task InitializeAsync()
    {
        _world = await ListingWorld.StartAsync();
        await using var db = _world.Catalog.Harness.NewDb();
        var designer = new Employee { EmployeeNumber = "D001", FullName = "周设计", Email = "designer@ecomops.local", Team = Team.Design, Role = Roles.Designer, HireDate = new DateOnly(2025, 3, 1) };
        db.Employees.Add(designer);
        await db.SaveChangesAsync();
        _designer = designer.Id;
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<Outcome<int>> PlanAsync(Actor actor, DateOnly due, StoreElement element = StoreElement.Carousel, int? owner = null) =>
        Desk.PlanRefreshAsync(actor, new StoreRefreshForm { ChannelId = _world.Tmall, Element = element, Occasion = "双12 · Double 12", DueDate = due, OwnerId = owner ?? _designer });

    [Theory]
    [InlineData(-1, false, true, false)]
    [InlineData(0, false, false, true)]
    [InlineData(3, false, false, true)]
    [InlineData(4, false, false, false)]
    [InlineData(-10, true, false, false)]
    public void A_refresh_is_overdue_the_day_after_its_date_due_soon_within_three_days_and_neither_once_done(int days, bool done, bool overdue, bool soon)
    {
        var due = Today.AddDays(days);

        Assert.Equal((overdue, soon), (StoreRefreshRules.IsOverdue(due, done, Today), StoreRefreshRules.IsDueSoon(due, done, Today)));
    }

    [Fact]
    public async Task The_checklist_lists_every_element_of_the_rulebook_even_before_anyone_fills_one_in()
    {
        var checklist = await Desk.ChecklistAsync(_world.Tmall);

        Assert.Equal(Enum.GetValues<StoreElement>(), checklist.Select(r => r.Element));
        Assert.All(checklist, r => Assert.Null(r.CurrentAsset));
    }

    [Fact]
    public async Task A_planned_refresh_shows_as_the_elements_next_change_and_when_done_its_artwork_becomes_what_is_up()
    {
        var id = CatalogWorld.Done(await PlanAsync(_world.Manager, Today.AddDays(2)));
        var next = (await Desk.ChecklistAsync(_world.Tmall)).Single(r => r.Element == StoreElement.Carousel).Next!;
        Assert.Equal((id, "周设计", true, false), (next.Id, next.OwnerName, next.DueSoon, next.Overdue));

        CatalogWorld.Done(await Desk.CompleteAsync(_world.Specialist, id, next.Version, "双12 轮播图 v1"));

        var carousel = (await Desk.ChecklistAsync(_world.Tmall)).Single(r => r.Element == StoreElement.Carousel);
        Assert.Equal(("双12 轮播图 v1", (StoreRefreshRow?)null), (carousel.CurrentAsset, carousel.Next));
        var done = Assert.Single(await Desk.PlanAsync(_world.Tmall, includeDone: true));
        Assert.Equal("specialist@ecomops.local", done.DoneByName);
        Assert.Equal([StorePageErrors.AlreadyDone], (await Desk.CompleteAsync(_world.Specialist, id, done.Version, null)).Errors.Select(e => e.Code));
    }

    [Fact]
    public async Task Refreshes_past_their_date_are_listed_for_the_home_page_until_done()
    {
        CatalogWorld.Done(await PlanAsync(_world.Manager, Today.AddDays(1)));
        var late = CatalogWorld.Done(await PlanAsync(_world.Manager, Today.AddDays(2), StoreElement.ShopSign));
        Assert.Empty(await Desk.OverdueAsync());

        _world.Catalog.Harness.Clock.Advance(TimeSpan.FromDays(3));

        var overdue = await Desk.OverdueAsync();
        Assert.Equal(2, overdue.Count);
        Assert.All(overdue, r => Assert.True(r.Overdue));
        CatalogWorld.Done(await Desk.CompleteAsync(_world.Specialist, late, overdue.Single(r => r.Id == late).Version, null));
        Assert.Equal([StoreElement.Carousel], (await Desk.OverdueAsync()).Select(r => r.Element));
    }

    [Fact]
    public async Task A_date_already_past_an_unknown_owner_and_an_empty_occasion_are_refused_and_nothing_is_planned()
    {
        Assert.Equal([StorePageErrors.DueInPast], (await PlanAsync(_world.Manager, Today.AddDays(-1))).Errors.Select(e => e.Code));
        Assert.Equal([StorePageErrors.OwnerUnknown], (await PlanAsync(_world.Manager, Today, owner: 9_999)).Errors.Select(e => e.Code));
        var blank = await Desk.PlanRefreshAsync(_world.Manager, new StoreRefreshForm { ChannelId = _world.Tmall, Occasion = " ", DueDate = Today });
        Assert.Equal([new FieldError(nameof(StoreRefreshForm.Occasion), CatalogErrors.Required)], blank.Errors);
        await using var db = _world.Catalog.Harness.NewDb();
        Assert.Equal(0, await db.StoreRefreshes.CountAsync());
    }

    [Fact]
    public async Task Specialists_keep_the_checklist_and_finish_refreshes_but_only_managers_plan_or_cancel_them()
    {
        Assert.Equal([Actor.NotPermitted], (await PlanAsync(_world.Specialist, Today.AddDays(5))).Errors);
        var id = CatalogWorld.Done(await PlanAsync(_world.Manager, Today.AddDays(5)));
        var version = (await Desk.PlanAsync(_world.Tmall, false)).Single().Version;
        Assert.Equal([Actor.NotPermitted], (await Desk.CancelAsync(_world.Specialist, id, version)).Errors);
        var agent = Actor.Person("u-agent", "agent@ecomops.local", Roles.CsAgent);
        Assert.Equal([Actor.NotPermitted], (await Desk.SaveElementAsync(agent, _world.Tmall, StoreElement.Navigation, 0, "x", null)).Errors);
        Assert.True((await Desk.SaveElementAsync(_world.Specialist, _world.Tmall, StoreElement.Navigation, 0, "会员日导航", _designer)).Succeeded);
    }

    [Fact]
    public async Task Two_people_editing_one_element_the_second_is_told_and_the_first_change_stays()
    {
        var first = await Desk.SaveElementAsync(_world.Specialist, _world.Tmall, StoreElement.ShopSign, 0, "品牌招牌 2026", null);
        var second = await Desk.SaveElementAsync(_world.Manager, _world.Tmall, StoreElement.ShopSign, 0, "别的招牌", null);

        Assert.True(first.Succeeded);
        Assert.Equal(OutcomeKind.Conflict, second.Kind);
        Assert.Equal("品牌招牌 2026", (await Desk.ChecklistAsync(_world.Tmall)).Single(r => r.Element == StoreElement.ShopSign).CurrentAsset);
    }
}
