using System.Globalization;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Time;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static EcomOps.Tests.Orders.ExportSamples;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>
/// Importing a platform's export through the page. A class (and console) of its own, so the import runs for the first
/// time in a freshly started console; the test itself never registers the code-page encodings.
/// </summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class ImportJourneys(BrowserHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<BrowserHost>
{
    [SkippableFact]
    public async Task A_GBK_platform_export_imports_on_a_freshly_started_console()
    {
        var page = await NewPageAsync();
        using var folder = new TempFolder();

        // A JD back-office export as JD writes it: GBK, its real header, names outside GB2312 (喆, 堃).
        var services = Host.Services;
        var time = services.GetRequiredService<CompanyTime>();
        List<Sku> skus;
        await using (var db = await services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync())
        {
            skus = await db.Set<Sku>().AsNoTracking().Where(s => s.Active).OrderBy(s => s.Id).Take(2).ToListAsync();
        }
        var placed = time.LocalNow.AddHours(-2).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        string JdRow(string id, string name, string address, string phone, Sku sku)
        {
            var price = (sku.ListPriceCents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            return Row(JdHeader, new Dictionary<string, string>
            {
                ["订单号"] = id, ["下单时间"] = placed, ["付款确认时间"] = placed, ["应付金额"] = price, ["运费金额"] = "0.00", ["订单状态"] = "等待出库",
                ["客户姓名"] = name, ["客户地址"] = address, ["联系电话"] = phone, ["商家SKUID"] = sku.Code,
                ["商品名称"] = sku.Name, ["京东价"] = price, ["订购数量"] = "1",
            }, quoteAll: false);
        }
        var text = Lines(JdHeader,
            JdRow("JOURNEY-GBK-1", "王喆", "上海市浦东新区张江路 100 号 3 栋 501", "13812345678", skus[0]),
            JdRow("JOURNEY-GBK-2", "李堃", "广州市天河区体育西路 191 号", "13912345678", skus[1]));
        var gbk = CodePage("GBK").GetBytes(text);
        Assert.Equal(text, CodePage("GBK").GetString(gbk));
        var path = folder.File("jd-orders-gbk.csv");
        await File.WriteAllBytesAsync(path, gbk);

        await SignInAsync(page, "specialist@ecomops.local");
        await page.GotoAsync("orders/import");
        await WaitForCircuitAsync(page);
        await page.Locator(".mud-select").Filter(new() { HasText = "Channel" }).First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("京东旗舰店 (JD)", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await page.Locator("input[type=file][data-testid=import-file]").SetInputFilesAsync(path);

        var check = page.Locator("[data-testid=import-check-ok]");
        await Expect(check).ToContainTextAsync("2 orders checked");
        await Expect(check).ToContainTextAsync("JD order export");
        await Expect(check).ToContainTextAsync("GB18030");
        await Expect(page.Locator("[data-testid=import-problems]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = LiveLanguageJourneys.ShotPath("gbk-import-checked.png"), FullPage = true });
        await page.Locator("[data-testid=import-run]").ClickAsync();

        await Expect(page.Locator("[data-testid=import-done]")).ToContainTextAsync("Imported: 2 new orders, 0 already there");
        await page.ScreenshotAsync(new() { Path = LiveLanguageJourneys.ShotPath("gbk-import-done.png"), FullPage = true });

        await using (var db = await services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync())
        {
            var jd = await db.SalesChannels.Where(c => c.Code == "JD").Select(c => c.Id).SingleAsync();
            var imported = await db.Orders.Where(o => o.PlatformOrderId.StartsWith("JOURNEY-GBK-"))
                .OrderBy(o => o.PlatformOrderId).Select(o => new { o.PlatformOrderId, o.CustomerName, o.ShippingAddress, o.ChannelId }).ToListAsync();
            Assert.Equal(["JOURNEY-GBK-1", "JOURNEY-GBK-2"], imported.Select(o => o.PlatformOrderId));
            Assert.Equal(["王喆", "李堃"], imported.Select(o => o.CustomerName));
            Assert.StartsWith("上海市浦东新区张江路", imported[0].ShippingAddress, StringComparison.Ordinal);
            Assert.All(imported, o => Assert.Equal(jd, o.ChannelId));
        }
        Assert.Empty(BrowserErrors);
    }
}
