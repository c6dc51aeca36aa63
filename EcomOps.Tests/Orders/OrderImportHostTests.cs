using System.Text;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Orders.Import;
using EcomOps.Domain.Time;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EcomOps.Tests.Orders.ExportSamples;

namespace EcomOps.Tests.Orders;

/// <summary>
/// The import as a freshly started console runs it: the host's own services, a GBK file, and no test anywhere
/// registering the code-page encodings on the product's behalf.
/// </summary>
public sealed class OrderImportHostTests : IDisposable
{
    private readonly OpsWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_gbk_jd_export_imports_on_a_freshly_started_console()
    {
        var services = _factory.Services;
        var time = services.GetRequiredService<CompanyTime>();
        int channelId;
        Sku sku;
        await using (var db = await services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync())
        {
            channelId = await db.SalesChannels.Where(c => c.Platform == SalesPlatform.JD).Select(c => c.Id).FirstAsync();
            sku = await db.Set<Sku>().AsNoTracking().Where(s => s.Active).OrderBy(s => s.Id).FirstAsync();
        }
        var price = (sku.ListPriceCents / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var placed = time.LocalNow.AddHours(-2).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var file = Lines(JdHeader, Row(JdHeader, new Dictionary<string, string>
        {
            ["订单号"] = "HOST-GBK-1", ["下单时间"] = placed, ["付款确认时间"] = placed, ["应付金额"] = price, ["运费金额"] = "0.00", ["订单状态"] = "等待出库",
            ["客户姓名"] = "王喆", ["客户地址"] = "上海市浦东新区张江路 100 号 3 栋 501", ["联系电话"] = "13812345678", ["商家SKUID"] = sku.Code,
            ["商品名称"] = sku.Name, ["京东价"] = price, ["订购数量"] = "1",
        }, quoteAll: false));

        // The bytes as the back office writes them, from the provider itself: nothing here registers it.
        var read = ExportReader.Read([new ExportFile("jd.csv", CodePagesEncodingProvider.Instance.GetEncoding("GBK")!.GetBytes(file))], time.Zone, time.UtcNow);
        var outcome = await services.GetRequiredService<OrderImport>().ImportAsync(new Actor(null, "specialist"), channelId, read);

        Assert.Empty(outcome.Problems);
        Assert.Equal("GB18030", read.Encoding);
        Assert.Equal(1, outcome.Created);
        await using (var db = await services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync())
        {
            Assert.Equal("王喆", await db.Orders.Where(o => o.PlatformOrderId == "HOST-GBK-1").Select(o => o.CustomerName).SingleAsync());
        }
        // The console registered the code pages where it starts, so any other part of it can read GBK too.
        Assert.Equal(936, Encoding.GetEncoding("GBK").CodePage);
    }
}
