using System.Globalization;
using Bunit;
using ClosedXML.Excel;
using EcomOps.Console.Features.Catalog;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Transfer;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Catalog;

public sealed class CatalogImportPageTests
{
    [Theory]
    [InlineData("en", "SKUs", "List price (yuan)", "Amounts cannot be negative.")]
    [InlineData("zh-Hans", "SKU", "标价(元)", "金额不能为负数。")]
    public async Task A_workbook_with_a_bad_row_lists_it_by_sheet_row_and_column_in_the_users_language_and_offers_no_import(string culture, string sheet, string column, string reason)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            await using var world = await ListingWorld.StartAsync();
            var exported = (await world.Catalog.Harness.Get<CatalogWorkbook>().ExportProductsAsync(new ProductFilter(), CultureInfo.CurrentUICulture)).Content;
            using var workbook = new XLWorkbook(new MemoryStream(exported));
            workbook.Worksheet(sheet).Cell(2, 7).SetValue(-5);
            using var edited = new MemoryStream();
            workbook.SaveAs(edited);
            await using var ctx = ComponentHarness.NewContext(world.Catalog.Harness);
            ctx.Services.AddSingleton(world.Catalog.Harness.Get<CatalogImport>());
            ctx.AddAuthorization().SetAuthorized("opsmanager@ecomops.local").SetRoles(Roles.OperationsManager).SetPolicies(Permissions.ImportCatalog);
            ctx.Render<MudPopoverProvider>();
            var page = ctx.Render<CatalogImportPage>();

            page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(edited.ToArray(), "catalogue.xlsx"));

            var cells = page.WaitForElement("[data-testid=import-problems] tbody tr").QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
            Assert.Equal([sheet, "2", column, reason, "-5"], cells);
            Assert.Empty(page.FindAll("[data-testid=catalog-import-run]"));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }
}
