using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Transfer;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders.Import;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Catalog;

public sealed class CatalogWorkbookTests : IAsyncLifetime
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");
    private ListingWorld _world = default!;

    public async Task InitializeAsync()
    {
        _world = await ListingWorld.StartAsync();
        var catalog = _world.Catalog;
        var tops = await catalog.CategoryAsync("上衣", "Tops", _world.Category);
        var hoodie = await catalog.ProductAsync("云朵连帽卫衣", tops, _world.Brand);
        await catalog.SkuAsync(hoodie, "HD-001", "6901234567809", 19_900);
        await catalog.SkuAsync(hoodie, "HD-002", null, 20_950);
        var listing = CatalogWorld.Done(await _world.Desk.CreateAsync(_world.Specialist, _world.Tee, _world.Taobao));
        var detail = await _world.DetailAsync(listing);
        detail.Form.Prices[detail.Skus[0].SkuId] = 8_950;
        detail.Form.SellingPoints = "=cmd|' /C calc'!A0";
        CatalogWorld.Done(await _world.Desk.SaveAsync(_world.Specialist, listing, detail.Version, detail.Form));
        CatalogWorld.Done(await _world.Desk.CreateAsync(_world.Specialist, hoodie, _world.Tmall));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private CatalogWorkbook Workbook => _world.Catalog.Harness.Get<CatalogWorkbook>();
    private CatalogImport Import => _world.Catalog.Harness.Get<CatalogImport>();

    private async Task<byte[]> ExportAsync(CultureInfo culture) => (await Workbook.ExportProductsAsync(new ProductFilter(), culture)).Content;

    private static byte[] Edit(byte[] content, Action<XLWorkbook> edit)
    {
        using var workbook = new XLWorkbook(new MemoryStream(content));
        edit(workbook);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>The cell under a header (English) in a row of a sheet.</summary>
    private static IXLCell Cell(XLWorkbook workbook, string sheet, int row, string header)
    {
        var ws = workbook.Worksheet(sheet);
        var column = ws.Row(1).CellsUsed().First(c => c.GetString() == header).Address.ColumnNumber;
        return ws.Cell(row, column);
    }

    private Task<CatalogImportResult> ImportAsync(byte[] content, Actor? actor = null) =>
        Import.ImportAsync(actor ?? _world.Manager, CatalogWorkbook.Read("catalogue.xlsx", content, English));

    /// <summary>Every stored field of every product, SKU, listing and channel price, as text.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = _world.Catalog.Harness.NewDb();
        return JsonSerializer.Serialize(new
        {
            Products = await db.Products.AsNoTracking().OrderBy(p => p.Id).ToListAsync(),
            Skus = await db.Skus.AsNoTracking().OrderBy(s => s.Id).ToListAsync(),
            Listings = await db.Listings.AsNoTracking().OrderBy(l => l.Id).ToListAsync(),
            Prices = await db.ListingPrices.AsNoTracking().OrderBy(p => p.ListingId).ThenBy(p => p.SkuId).ToListAsync(),
        });
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task Export_then_import_leaves_every_field_of_every_product_sku_listing_and_price_as_it_was(string language)
    {
        var before = await SnapshotAsync();
        var content = await ExportAsync(CultureInfo.GetCultureInfo(language));

        // Read by a colleague in the other language: the headers and words of both are known.
        var file = CatalogWorkbook.Read("catalogue.xlsx", content, language == "en" ? Chinese : English);
        var check = await Import.CheckAsync(_world.Manager, file);
        var imported = await Import.ImportAsync(_world.Manager, file);

        Assert.Empty(file.Problems);
        Assert.Equal(check.Counts, imported.Counts);
        Assert.True(imported.Succeeded, string.Join("; ", imported.Problems));
        Assert.Equal(0, imported.Counts.Changes);
        Assert.Equal(2 + 3 + 2, imported.Counts.Unchanged);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_workbook_with_one_bad_row_writes_nothing_and_names_sheet_row_and_column()
    {
        var before = await SnapshotAsync();
        var content = Edit(await ExportAsync(English), wb =>
        {
            Cell(wb, "Products", 2, "Origin").SetValue("广东深圳");
            Cell(wb, "Listings", 2, "Listing title").SetValue("云朵卫衣 新款");
            Cell(wb, "SKUs", 3, "List price (yuan)").SetValue(-1);
        });

        var result = await ImportAsync(content);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(new ImportProblem("SKUs", 3, "List price (yuan)", "AmountNegative", "-1"), problem);
        Assert.False(result.Written);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Changes_new_products_skus_and_listings_go_in_together_and_a_new_listing_starts_as_a_draft_edited_by_the_importer()
    {
        var content = Edit(await ExportAsync(English), wb =>
        {
            Cell(wb, "Products", 2, "Origin").SetValue("广东深圳");
            var products = wb.Worksheet("Products");
            products.Row(4).Cell(1).SetValue("NEW-1");
            products.Row(4).Cell(2).SetValue("云朵袜子");
            // A path in Chinese, typed without the export's spaces.
            products.Row(4).Cell(3).SetValue("服装/上衣");
            products.Row(4).Cell(11).SetValue("Yes");
            var skus = wb.Worksheet("SKUs");
            skus.Row(5).Cell(1).SetValue("sk-001");
            skus.Row(5).Cell(2).SetValue("NEW-1");
            skus.Row(5).Cell(4).SetValue("白色");
            skus.Row(5).Cell(7).SetValue(19.9);
            skus.Row(5).Cell(8).SetValue("¥8.00");
            skus.Row(5).Cell(10).SetValue(12);
            skus.Row(5).Cell(11).SetValue("是");
            var listings = wb.Worksheet("Listings");
            listings.Row(4).Cell(1).SetValue("NEW-1");
            listings.Row(4).Cell(3).SetValue("TAOBAO");
            listings.Row(4).Cell(4).SetValue("云朵袜子 三双装");
            var prices = wb.Worksheet("Listing prices");
            prices.Row(3).Cell(1).SetValue("NEW-1");
            prices.Row(3).Cell(2).SetValue("TAOBAO");
            prices.Row(3).Cell(3).SetValue("SK-001");
            prices.Row(3).Cell(4).SetValue(17.5);
        });

        var result = await ImportAsync(content);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(new CatalogImportCounts(1, 1, 1, 0, 1, 0, 1 + 3 + 2), result.Counts);
        await using var db = _world.Catalog.Harness.NewDb();
        var socks = await db.Products.SingleAsync(p => p.Name == "云朵袜子");
        var sku = await db.Skus.SingleAsync(s => s.Code == "SK-001");
        Assert.Equal((socks.Id, "云朵袜子 白色", 1_990L, 800L, 12, "服装 Apparel"), (sku.ProductId!.Value, sku.Name, sku.ListPriceCents, sku.UnitCostCents, sku.PackSize, sku.Category));
        var listing = await db.Listings.Include(l => l.Prices).SingleAsync(l => l.ProductId == socks.Id);
        Assert.Equal((ListingState.Draft, "opsmanager@ecomops.local", 1_750L), (listing.State, listing.LastEditorName, Assert.Single(listing.Prices).PriceCents));
        Assert.Equal("广东深圳", (await db.Products.SingleAsync(p => p.Id == _world.Tee)).Origin);
    }

    [Fact]
    public async Task Duplicate_codes_and_barcodes_inside_the_file_and_against_the_database_are_each_named()
    {
        var content = Edit(await ExportAsync(English), wb =>
        {
            var skus = wb.Worksheet("SKUs");
            // Row 2 is TS-001 (barcode 6901234567892), row 3 HD-001 (barcode 6901234567809), row 4 HD-002.
            skus.Row(4).Cell(6).SetValue("6901234567809");
            NewSku(skus.Row(5), "HD-002", null);
            NewSku(skus.Row(6), "NEW-9", "6901234567892");
        });

        var result = await ImportAsync(content);

        Assert.Equal(
        [
            new ImportProblem("SKUs", 4, "Barcode", "DuplicateInFile", "6901234567809", "3"),
            new ImportProblem("SKUs", 5, "SKU code", "DuplicateInFile", "HD-002", "4"),
            new ImportProblem("SKUs", 6, "Barcode", "DuplicateInFile", "6901234567892", "2"),
        ], result.Problems);

        var againstDatabase = Edit(await ExportAsync(English), wb =>
        {
            var skus = wb.Worksheet("SKUs");
            // HD-001 leaves the file (its barcode stays taken); HD-002, now row 3, is claimed for the T-shirt.
            skus.Row(3).Delete();
            skus.Cell(3, 2).SetValue(_world.Tee);
            NewSku(skus.Row(4), "NEW-9", "6901234567809");
        });

        var refused = await ImportAsync(againstDatabase);

        Assert.Equal(
        [
            new ImportProblem("SKUs", 3, "SKU code", CatalogErrors.SkuCodeTaken, "HD-002"),
            new ImportProblem("SKUs", 4, "Barcode", CatalogErrors.BarcodeTaken, "6901234567809"),
        ], refused.Problems);
    }

    [Fact]
    public async Task A_new_product_refused_for_its_category_is_named_once_and_its_skus_are_still_checked_on_their_own()
    {
        var content = Edit(await ExportAsync(English), wb =>
        {
            var products = wb.Worksheet("Products");
            products.Row(4).Cell(1).SetValue("NEW-1");
            products.Row(4).Cell(2).SetValue("云朵袜子");
            products.Row(4).Cell(3).SetValue("Apparel / Socks");
            products.Row(4).Cell(11).SetValue("Yes");
            var skus = wb.Worksheet("SKUs");
            NewSku(skus.Row(5), "SK-1", "123");
            skus.Row(5).Cell(2).SetValue("NEW-1");
        });

        var result = await ImportAsync(content);

        Assert.Equal(
        [
            new ImportProblem("Products", 4, "Category", "CategoryPathUnknown", "Apparel / Socks"),
            new ImportProblem("SKUs", 5, "Barcode", CatalogErrors.BarcodeFormat, "123"),
        ], result.Problems);
    }

    private void NewSku(IXLRow row, string code, string? barcode)
    {
        row.Cell(1).SetValue(code);
        row.Cell(2).SetValue(_world.Tee);
        row.Cell(6).SetValue(barcode ?? "");
        row.Cell(7).SetValue(1);
        row.Cell(8).SetValue(1);
        row.Cell(10).SetValue(1);
        row.Cell(11).SetValue("Yes");
    }

    [Fact]
    public async Task A_price_below_zero_or_above_a_billion_yuan_is_refused_beside_its_column()
    {
        var negative = Edit(await ExportAsync(English), wb => Cell(wb, "SKUs", 2, "List price (yuan)").SetValue("-0.01"));
        var tooHigh = Edit(await ExportAsync(English), wb =>
        {
            Cell(wb, "SKUs", 3, "Unit cost (yuan)").SetValue(1_000_000_000.01);
            Cell(wb, "Listing prices", 2, "Channel price (yuan)").SetValue("1,000,000,001");
        });

        Assert.Equal([new ImportProblem("SKUs", 2, "List price (yuan)", "AmountNegative", "-0.01")], (await ImportAsync(negative)).Problems);
        Assert.Equal(
        [
            new ImportProblem("SKUs", 3, "Unit cost (yuan)", CatalogErrors.PriceOutOfRange, "1000000000.01"),
            new ImportProblem("Listing prices", 2, "Channel price (yuan)", CatalogErrors.PriceOutOfRange, "1000000001.00"),
        ], (await ImportAsync(tooHigh)).Problems);
    }

    [Fact]
    public async Task A_missing_column_is_named_in_the_readers_language_and_nothing_is_imported()
    {
        var content = Edit(await ExportAsync(English), wb => wb.Worksheet("SKUs").Column(6).Delete());

        var file = CatalogWorkbook.Read("catalogue.xlsx", content, Chinese);

        Assert.Equal([new ImportProblem("SKUs", 1, "条码", "MissingColumn")], file.Problems);
        Assert.False((await Import.ImportAsync(_world.Manager, file)).Written);
    }

    [Fact]
    public async Task A_csv_in_gbk_and_a_file_that_is_no_workbook_are_refused_as_a_whole()
    {
        // The Domain's own GB18030 (it registers the code pages itself): the test sets up nothing the product does not.
        var gbk = EcomOps.Domain.Orders.Import.ExportText.Gb18030.GetBytes("商品ID,商品名称\r\n1,云朵纯棉T恤\r\n");

        Assert.Equal([new ImportProblem("products.csv", 1, null, "CsvNotAccepted")], CatalogWorkbook.Read("products.csv", gbk, English).Problems);
        Assert.Equal("NotAWorkbook", Assert.Single(CatalogWorkbook.Read("x.xlsx", [0x50, 0x4B, 0x03, 0x04, 0, 0, 0], English).Problems).Code);
        Assert.Equal("NotAWorkbook", Assert.Single(CatalogWorkbook.Read("x.png", [0x89, 0x50, 0x4E, 0x47, 0xFF, 0xFE, 0x00], English).Problems).Code);
        using var other = new XLWorkbook();
        other.AddWorksheet("Sheet1").Cell(1, 1).SetValue("hello");
        using var stream = new MemoryStream();
        other.SaveAs(stream);
        Assert.Equal("CatalogLayoutUnknown", Assert.Single(CatalogWorkbook.Read("x.xlsx", stream.ToArray(), English).Problems).Code);
    }

    [Fact]
    public async Task A_row_changed_by_someone_else_since_the_export_is_refused_as_stale_and_an_untouched_row_is_not()
    {
        var exported = await ExportAsync(English);
        var product = (await _world.Catalog.Queries.ProductAsync(_world.Tee))!;
        product.Form.Material = "棉麻";
        CatalogWorld.Done(await _world.Catalog.Desk.SaveProductAsync(_world.Catalog.Director, _world.Tee, product.Version, product.Form));
        var content = Edit(exported, wb => Cell(wb, "SKUs", 3, "Model").SetValue("HD-X"));

        var result = await ImportAsync(content);

        var stale = Assert.Single(result.Problems);
        Assert.Equal(("Products", 2, "Version", "ChangedSinceExport"), (stale.File, stale.Row, stale.Column, stale.Code));
        Assert.Equal("棉麻", (await _world.Catalog.Queries.ProductAsync(_world.Tee))!.Form.Material);
    }

    [Fact]
    public async Task Text_that_looks_like_a_formula_is_exported_inert_and_imports_back_as_the_same_text()
    {
        var content = await ExportAsync(English);

        using (var workbook = new XLWorkbook(new MemoryStream(content)))
        {
            var cell = Cell(workbook, "Listings", 2, "Channel selling points");
            Assert.False(cell.HasFormula);
            Assert.True(cell.Style.IncludeQuotePrefix);
            Assert.Equal("=cmd|' /C calc'!A0", cell.GetString());
        }
        var result = await ImportAsync(content);
        Assert.Equal(0, result.Counts.Changes);

        var typed = Edit(content, wb => Cell(wb, "Listings", 2, "Listing title").FormulaA1 = "1+1");
        Assert.Equal("CellFormula", Assert.Single((await ImportAsync(typed)).Problems).Code);
    }

    [Fact]
    public async Task Text_with_an_invisible_direction_character_is_refused_by_the_one_text_rule()
    {
        var content = Edit(await ExportAsync(English), wb => Cell(wb, "Listings", 3, "Listing title").SetValue("云朵卫衣\u202Egpj.exe"));

        var result = await ImportAsync(content);

        Assert.Equal([new ImportProblem("Listings", 3, "Listing title", TextRules.UnsafeCharacters, "云朵卫衣\u202Egpj.exe")], result.Problems);
    }

    [Fact]
    public async Task A_cs_agent_may_not_import_and_a_specialist_may_change_listings_but_not_products()
    {
        var agent = Actor.Person("u-agent", "agent@ecomops.local", Roles.CsAgent);
        var content = Edit(await ExportAsync(English), wb =>
        {
            Cell(wb, "Products", 2, "Origin").SetValue("广东深圳");
            Cell(wb, "Listings", 3, "Listing title").SetValue("云朵T恤 新款");
        });

        Assert.Equal("NotPermitted", Assert.Single((await ImportAsync(content, agent)).Problems).Code);
        var specialist = await ImportAsync(content, _world.Specialist);
        Assert.Equal([new ImportProblem("Products", 2, null, "NotPermitted")], specialist.Problems);
    }

    [Fact]
    public async Task A_listings_state_is_not_changed_by_an_import_and_says_so()
    {
        var content = Edit(await ExportAsync(English), wb => Cell(wb, "Listings", 2, "State").SetValue("Live"));

        var result = await ImportAsync(content);

        Assert.Equal([new ImportProblem("Listings", 2, "State", "ListingStateNotImported", "Live")], result.Problems);
    }
}
