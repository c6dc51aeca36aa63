using Bunit;
using EcomOps.Console.Features.Catalog;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Transfer;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Catalog;

public sealed class ListingPagesTests : IAsyncLifetime
{
    private ListingWorld _world = default!;

    public async Task InitializeAsync() => _world = await ListingWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private BunitContext NewContext(string userId, string name)
    {
        var ctx = ComponentHarness.NewContext(_world.Catalog.Harness);
        ctx.Services.AddSingleton(_world.Catalog.Queries);
        ctx.Services.AddSingleton(_world.Catalog.Harness.Get<CatalogWorkbook>());
        var auth = ctx.AddAuthorization().SetAuthorized(name).SetRoles(Roles.OperationsManager).SetPolicies(Permissions.EditListings, Permissions.ApproveListings);
        auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, userId));
        return ctx;
    }

    [Fact]
    public async Task The_listing_editor_tells_the_manager_who_edited_it_last_that_another_manager_must_approve_and_lists_what_the_tmall_store_still_misses()
    {
        var own = CatalogWorld.Done(await _world.Desk.CreateAsync(_world.Manager, _world.Tee, _world.Taobao));
        CatalogWorld.Done(await _world.Desk.SubmitAsync(_world.Manager, own, (await _world.DetailAsync(own)).Version));
        var tmall = await _world.InReviewAsync(_world.Tmall);
        await using var ctx = NewContext(_world.Manager.UserId!, _world.Manager.Name);
        ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<ListingPage>(p => p.Add(x => x.Id, own));
        page.WaitForElement("[data-testid=listing-approve-refusal]", TimeSpan.FromSeconds(10));

        Assert.Contains("another operations manager or director must approve it", page.Find("[data-testid=listing-approve-refusal]").TextContent);
        Assert.True(page.Find("[data-testid=listing-approve]").HasAttribute("disabled"));

        var other = ctx.Render<ListingPage>(p => p.Add(x => x.Id, tmall));
        other.WaitForElement("[data-testid=listing-missing-Description]", TimeSpan.FromSeconds(10));
        Assert.Contains("not 100% complete", other.Find("[data-testid=listing-approve-refusal]").TextContent);
    }

    [Fact]
    public async Task Filtering_the_listings_page_by_channel_leaves_only_that_channels_listing()
    {
        await _world.InReviewAsync(_world.Taobao);
        var tmall = CatalogWorld.Done(await _world.Desk.CreateAsync(_world.Specialist, _world.Tee, _world.Tmall));
        await using var ctx = NewContext(_world.Manager.UserId!, _world.Manager.Name);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<ListingsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid^=listing-row-]").Count), TimeSpan.FromSeconds(10));

        await page.InvokeAsync(() => page.FindComponent<MudSelect<int?>>().Instance.ValueChanged.InvokeAsync(_world.Tmall));

        page.WaitForAssertion(() => Assert.Equal([$"listing-row-{tmall}"], page.FindAll("[data-testid^=listing-row-]").Select(e => e.GetAttribute("data-testid"))), TimeSpan.FromSeconds(5));
        Assert.Contains("Draft", page.Find("[data-testid=listing-table]").TextContent);
    }

    [Fact]
    public async Task A_specialist_lists_a_product_on_a_channel_from_the_listings_page_and_lands_on_its_draft()
    {
        await using var ctx = ComponentHarness.NewContext(_world.Catalog.Harness);
        ctx.Services.AddSingleton(_world.Catalog.Queries);
        ctx.Services.AddSingleton(_world.Catalog.Harness.Get<CatalogWorkbook>());
        ctx.AddAuthorization().SetAuthorized(_world.Specialist.Name).SetRoles(Roles.OperationsSpecialist).SetPolicies(Permissions.EditListings)
            .SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, _world.Specialist.UserId!));
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var page = ctx.Render<ListingsPage>();
        page.WaitForElement("[data-testid=listing-new]", TimeSpan.FromSeconds(10));

        await page.InvokeAsync(() => page.Find("[data-testid=listing-new]").Click());
        var dialog = dialogs.WaitForElement("[data-testid=new-listing-create]", TimeSpan.FromSeconds(5));
        Assert.True(dialog.HasAttribute("disabled"));
        var pick = dialogs.FindComponent<NewListingDialog>();
        var search = pick.FindComponent<MudAutocomplete<ProductRow>>().Instance.SearchFunc!;
        var found = (await search("T恤", default)!)?.ToList() ?? [];
        var tee = Assert.Single(found, p => p.Id == _world.Tee);
        await pick.InvokeAsync(() => pick.FindComponent<MudAutocomplete<ProductRow>>().Instance.ValueChanged.InvokeAsync(tee));
        await pick.InvokeAsync(() => pick.FindComponent<MudSelect<int?>>().Instance.ValueChanged.InvokeAsync(_world.Taobao));
        await pick.InvokeAsync(() => dialogs.Find("[data-testid=new-listing-create]").Click());

        var navigation = ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"/catalog/listings/\d+$", navigation.Uri), TimeSpan.FromSeconds(5));
        var id = int.Parse(navigation.Uri[(navigation.Uri.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var created = await _world.DetailAsync(id);
        Assert.Equal((ListingState.Draft, _world.Tee, _world.Taobao), (created.State, created.ProductId, created.ChannelId));
    }
}
