using System.Text.RegularExpressions;
using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>The operations manager enters master data and a product through the console, as a new company does.</summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class CatalogJourneys(BrowserHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<BrowserHost>
{
    [SkippableFact]
    public async Task A_manager_enters_a_category_and_a_product_with_two_skus_and_finds_the_product_by_a_barcode()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "opsmanager@ecomops.local");
        await page.GotoAsync("catalog/categories");
        await WaitForCircuitAsync(page);
        await page.Locator("[data-testid=category-new]").ClickAsync();
        await page.Locator("input[data-testid=category-zh]").FillAsync("旅程服饰");
        await page.Locator("input[data-testid=category-en]").FillAsync("Journey wear");
        await page.Locator("[data-testid=catalog-save]").ClickAsync();
        await Expect(page.Locator("[data-testid=category-table]")).ToContainTextAsync("Journey wear");

        await page.GotoAsync("catalog/products/new");
        await WaitForCircuitAsync(page);
        await page.Locator("input[data-testid=product-name]").FillAsync("旅程T恤 · journey tee");
        await page.Locator(".mud-select").Filter(new() { HasText = "Category" }).First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Journey wear", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=product-save]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/catalog/products/\d+$"), BrowserJourney.Committed);
        await Expect(page.Locator("[data-testid=sku-new]")).ToBeVisibleAsync();

        foreach (var (code, specification, barcode) in new[] { ("JT-M", "黑色 M", "6901234567892"), ("JT-L", "黑色 L", "6901234567885") })
        {
            await page.Locator("[data-testid=sku-new]").ClickAsync();
            await page.Locator("input[data-testid=sku-code]").FillAsync(code);
            await page.Locator("input[data-testid=sku-specification]").FillAsync(specification);
            await page.Locator("input[data-testid=sku-barcode]").FillAsync(barcode);
            await page.Locator("input[data-testid=sku-price]").FillAsync("99.00");
            await page.Locator("input[data-testid=sku-cost]").FillAsync("41.50");
            await page.Locator("[data-testid=catalog-save]").ClickAsync();
            await Expect(page.Locator("[data-testid=sku-table]")).ToContainTextAsync(code);
        }

        await page.GotoAsync("catalog/products?q=6901234567885");
        await WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid^=product-row-]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=product-table]")).ToContainTextAsync("旅程T恤");
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var skus = await db.Skus.Where(s => s.Code.StartsWith("JT-")).OrderBy(s => s.Code).ToListAsync();
        Assert.Equal([("JT-L", 9_900L, 4_150L, "旅程服饰 Journey wear"), ("JT-M", 9_900L, 4_150L, "旅程服饰 Journey wear")],
            skus.Select(s => (s.Code, s.ListPriceCents, s.UnitCostCents, s.Category!)));
        Assert.Single(skus.Select(s => s.ProductId).Distinct());
        Assert.Empty(BrowserErrors);
    }
}
