using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Catalog;

/// <summary>Sales channels are opened, changed and retired in the console, with the listing fields each one requires.</summary>
public sealed class ChannelMasterDataTests : IAsyncLifetime
{
    private ListingWorld _world = default!;

    private MasterDataDesk Desk => _world.Catalog.MasterData;

    public async Task InitializeAsync() => _world = await ListingWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_manager_opens_a_shop_whose_code_is_stored_in_capitals_with_the_fields_it_requires_and_it_is_listed()
    {
        var id = CatalogWorld.Done(await Desk.SaveChannelAsync(_world.Manager, null, 0, new ChannelForm
        {
            Code = " jd-self ", Name = "京东自营店", Platform = SalesPlatform.JD, ExtraFields = [ListingField.Weight, ListingField.Barcode],
        }));

        var row = Assert.Single(await _world.Catalog.Queries.ChannelsAsync(), c => c.Id == id);
        Assert.Equal(("JD-SELF", "京东自营店", SalesPlatform.JD, true, (string?)null), (row.Code, row.Name, row.Platform, row.Active, row.ApiKeyHint));
        // Stored in the rulebook's order of extras, whatever order they were ticked in.
        Assert.Equal([ListingField.Barcode, ListingField.Weight], row.ExtraFields);
    }

    [Fact]
    public async Task A_channel_without_a_stored_list_shows_its_platform_defaults()
    {
        var tmall = Assert.Single(await _world.Catalog.Queries.ChannelsAsync(), c => c.Id == _world.Tmall);

        Assert.Equal(ListingFields.DefaultExtras(SalesPlatform.Tmall), tmall.ExtraFields);
    }

    [Fact]
    public async Task Changing_the_fields_a_channel_requires_recomputes_its_listings_completeness_at_once()
    {
        var listing = await _world.InReviewAsync(_world.Taobao);
        Assert.Equal(100, (await _world.DetailAsync(listing)).Completeness.Percent);
        var taobao = (await _world.Catalog.Queries.ChannelsAsync()).Single(c => c.Id == _world.Taobao);

        var form = taobao.ToForm();
        form.ExtraFields = [ListingField.Description];
        CatalogWorld.Done(await Desk.SaveChannelAsync(_world.Manager, taobao.Id, taobao.Version, form));

        var stored = (await _world.Queries.ListingsAsync(new ListingFilter(ChannelId: _world.Taobao), ListingQueries.ByTitle, 0, 10)).Rows.Single();
        Assert.True(stored.Percent < 100);
        Assert.Equal([ListingField.Description], (await _world.DetailAsync(listing)).Completeness.Missing);
    }

    [Fact]
    public async Task A_taken_code_an_unknown_extra_field_and_blank_names_are_refused_beside_their_fields()
    {
        var taken = await Desk.SaveChannelAsync(_world.Manager, null, 0, new ChannelForm { Code = "tmall", Name = "另一个天猫店", Platform = SalesPlatform.Tmall });
        Assert.Equal([new FieldError(nameof(ChannelForm.Code), CatalogErrors.ChannelCodeTaken)], taken.Errors);

        var odd = await Desk.SaveChannelAsync(_world.Manager, null, 0, new ChannelForm { Code = "X", Name = " ", ExtraFields = [ListingField.Title] });
        Assert.Equal(
            [new FieldError(nameof(ChannelForm.Name), CatalogErrors.Required), new FieldError(nameof(ChannelForm.ExtraFields), CatalogErrors.ChannelFieldUnknown)],
            odd.Errors);
        await using var db = _world.Catalog.Harness.NewDb();
        Assert.Equal(2, await db.SalesChannels.CountAsync());
    }

    [Fact]
    public async Task The_second_of_two_managers_editing_one_channel_is_told_and_nothing_of_theirs_is_saved()
    {
        var seen = (await _world.Catalog.Queries.ChannelsAsync()).Single(c => c.Id == _world.Tmall);
        var first = seen.ToForm();
        first.Name = "天猫旗舰店（新）";
        CatalogWorld.Done(await Desk.SaveChannelAsync(_world.Manager, seen.Id, seen.Version, first));

        var second = seen.ToForm();
        second.Name = "天猫官方店";
        var outcome = await Desk.SaveChannelAsync(_world.OtherManager, seen.Id, seen.Version, second);

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Equal("天猫旗舰店（新）", (await _world.Catalog.Queries.ChannelsAsync()).Single(c => c.Id == _world.Tmall).Name);
    }

    [Fact]
    public async Task Only_those_who_run_the_stores_may_open_or_retire_a_channel()
    {
        var taobao = (await _world.Catalog.Queries.ChannelsAsync()).Single(c => c.Id == _world.Taobao);
        foreach (var role in new[] { Roles.OperationsSpecialist, Roles.Admin, Roles.CsSupervisor })
        {
            var actor = Actor.Person("u-" + role, role + "@ecomops.local", role);
            Assert.Equal([Actor.NotPermitted], (await Desk.SaveChannelAsync(actor, null, 0, new ChannelForm { Code = "NEW", Name = "新店" })).Errors);
            Assert.Equal([Actor.NotPermitted], (await _world.Catalog.Desk.SetActiveAsync<SalesChannel>(actor, taobao.Id, taobao.Version, false)).Errors);
        }
        var director = CatalogWorld.Done(await Desk.SaveChannelAsync(_world.Catalog.Director, null, 0, new ChannelForm { Code = "NEW", Name = "新店", Platform = SalesPlatform.Douyin }));
        Assert.True(director > 0);
    }

    [Fact]
    public async Task A_channel_with_listings_cannot_be_deleted_only_retired_and_a_retired_channel_key_takes_no_orders()
    {
        await _world.InReviewAsync(_world.Taobao);
        var key = (await _world.Catalog.Harness.Get<ChannelDesk>().IssueKeyAsync(_world.Specialist, _world.Taobao)).Value!;
        var taobao = (await _world.Catalog.Queries.ChannelsAsync()).Single(c => c.Id == _world.Taobao);

        var deleted = await _world.Catalog.Desk.DeleteAsync<SalesChannel>(_world.Manager, taobao.Id, taobao.Version);
        Assert.Equal([new FieldError(CatalogRules.RecordField, CatalogErrors.StillReferenced)], deleted.Errors);

        CatalogWorld.Done(await _world.Catalog.Desk.SetActiveAsync<SalesChannel>(_world.Manager, taobao.Id, taobao.Version, false));
        Assert.Null(await _world.Catalog.Harness.Get<ChannelDesk>().FindByKeyAsync(key));
        Assert.False((await _world.Catalog.Queries.ChannelsAsync()).Single(c => c.Id == _world.Taobao).Active);
    }

    [Fact]
    public async Task A_channel_entered_by_mistake_with_nothing_on_it_can_be_deleted()
    {
        var id = CatalogWorld.Done(await Desk.SaveChannelAsync(_world.Manager, null, 0, new ChannelForm { Code = "OOPS", Name = "错建的店", Platform = SalesPlatform.Other }));
        var row = (await _world.Catalog.Queries.ChannelsAsync()).Single(c => c.Id == id);

        CatalogWorld.Done(await _world.Catalog.Desk.DeleteAsync<SalesChannel>(_world.Manager, id, row.Version));

        await using var db = _world.Catalog.Harness.NewDb();
        Assert.False(await db.SalesChannels.AnyAsync(c => c.Id == id));
        Assert.False(await db.ChannelListingRules.AnyAsync(r => r.ChannelId == id));
    }
}
