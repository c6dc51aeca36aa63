using Bunit;
using EcomOps.Console.Features.Catalog;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Transfer;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Catalog;

public sealed class ProductPagesTests : IAsyncLifetime
{
    private CatalogWorld _world = default!;
    private int _category;
    private int _tee;

    public async Task InitializeAsync()
    {
        _world = await CatalogWorld.StartAsync();
        _category = await _world.CategoryAsync("服装", "Apparel");
        _tee = await _world.ProductAsync("纯棉T恤", _category, await _world.BrandAsync("云朵"));
        await _world.SkuAsync(_tee, "TS-001", "6901234567892");
        await _world.SkuAsync(await _world.ProductAsync("牛仔裤", _category), "JN-001");
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private BunitContext NewContext()
    {
        var ctx = ComponentHarness.NewContext(_world.Harness);
        ctx.Services.AddSingleton(_world.Queries);
        ctx.Services.AddSingleton(_world.Harness.Get<CatalogWorkbook>());
        ctx.Services.AddSingleton(_world.Desk);
        ctx.Services.AddSingleton(_world.MasterData);
        ctx.Services.AddSingleton(_world.Harness.Get<EcomOps.Domain.Catalog.Images.ProductImageDesk>());
        ctx.AddAuthorization().SetAuthorized("opsmanager@ecomops.local").SetRoles(Roles.OperationsManager).SetPolicies(Permissions.ManageCatalog);
        return ctx;
    }

    [Fact]
    public async Task Searching_the_product_list_by_a_barcode_leaves_the_product_whose_sku_carries_it()
    {
        await using var ctx = NewContext();
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<ProductsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid^=product-row-]").Count), TimeSpan.FromSeconds(10));

        page.Find("input[data-testid=product-search]").Input("4567892");

        page.WaitForAssertion(() => Assert.Equal([$"product-row-{_tee}"], page.FindAll("[data-testid^=product-row-]").Select(e => e.GetAttribute("data-testid"))), TimeSpan.FromSeconds(5));
        Assert.Contains("云朵", page.Find("[data-testid=product-table]").TextContent);
    }

    [Fact]
    public async Task A_sku_added_in_the_editor_appears_under_its_product_and_a_duplicate_code_is_refused_beside_the_field()
    {
        await using var ctx = NewContext();
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var snackbar = ctx.Render<MudSnackbarProvider>();
        var page = ctx.Render<ProductPage>(p => p.Add(x => x.Id, _tee));
        page.WaitForElement("[data-testid=sku-table]", TimeSpan.FromSeconds(10));

        page.Find("[data-testid=sku-new]").Click();
        dialogs.WaitForElement("input[data-testid=sku-code]").Change("JN-001");
        dialogs.Find("input[data-testid=sku-specification]").Change("白色 L");
        dialogs.Find("input[data-testid=sku-price]").Change("79.90");
        dialogs.Find("[data-testid=catalog-save]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Another SKU already has this code.", dialogs.Markup), TimeSpan.FromSeconds(5));

        dialogs.Find("input[data-testid=sku-code]").Change("TS-002");
        dialogs.Find("[data-testid=catalog-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("TS-002", page.Find("[data-testid=sku-table]").TextContent), TimeSpan.FromSeconds(5));
        snackbar.WaitForAssertion(() => Assert.Contains("SKU saved.", snackbar.Markup));
        var detail = (await _world.Queries.ProductAsync(_tee))!;
        var added = detail.Skus.Single(s => s.Code == "TS-002");
        Assert.Equal((7_990L, "白色 L", "纯棉T恤 白色 L"), (added.ListPriceCents, added.Specification, added.Name));
    }

    [Fact]
    public async Task Saving_a_product_someone_else_changed_meanwhile_says_so_and_keeps_their_change()
    {
        await using var ctx = NewContext();
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudSnackbarProvider>();
        var page = ctx.Render<ProductPage>(p => p.Add(x => x.Id, _tee));
        page.WaitForElement("[data-testid=product-name]", TimeSpan.FromSeconds(10));
        var seen = (await _world.Queries.ProductAsync(_tee))!;
        CatalogWorld.Done(await _world.Desk.SaveProductAsync(_world.Director, _tee, seen.Version, new ProductForm { Name = "纯棉T恤 经典款", CategoryId = _category }));

        page.Find("input[data-testid=product-origin]").Change("浙江杭州");
        page.Find("[data-testid=product-save]").Click();

        page.WaitForElement("[data-testid=product-conflict]", TimeSpan.FromSeconds(5));
        Assert.Contains("changed by someone else", page.Find("[data-testid=product-conflict]").TextContent);
        var now = (await _world.Queries.ProductAsync(_tee))!;
        Assert.Equal(("纯棉T恤 经典款", (string?)null), (now.Form.Name, now.Form.Origin));
    }
}
