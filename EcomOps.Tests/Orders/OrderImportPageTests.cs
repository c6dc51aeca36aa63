using System.Globalization;
using Bunit;
using EcomOps.Console.Features.Orders;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Orders.Import;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static EcomOps.Tests.Orders.ExportSamples;

namespace EcomOps.Tests.Orders;

public sealed class OrderImportPageTests
{
    private static readonly string JdPayingMore = Lines(JdHeader, Row(JdHeader, new Dictionary<string, string>
    {
        ["订单号"] = "300012345678", ["下单时间"] = "2026-11-25 10:00:00", ["付款确认时间"] = "2026-11-25 10:01:00", ["应付金额"] = "120.00", ["订单状态"] = "等待出库",
        ["客户姓名"] = "张三", ["客户地址"] = "北京市海淀区中关村大街 1 号", ["联系电话"] = "13800001111", ["商家SKUID"] = "SKU-1", ["京东价"] = "100.00", ["订购数量"] = "1", ["运费金额"] = "0",
    }, quoteAll: false));

    [Theory]
    [InlineData("en", "The file says the buyer pays 120.00; this order's lines, discounts and postage come to 100.00.")]
    [InlineData("zh-Hans", "文件中买家应付 120.00，本订单的商品、优惠与运费合计 100.00，两者不符。")]
    public async Task A_total_that_disagrees_with_the_files_payable_amount_is_listed_at_its_row_saying_expected_and_found(string culture, string reason)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            await using var world = await OrderWorld.StartAsync();
            await using var ctx = ComponentHarness.NewContext(world.Harness);
            ctx.Services.AddSingleton(world.Harness.Get<OrderQueries>());
            ctx.Services.AddSingleton(world.Harness.Get<OrderImport>());
            ctx.AddAuthorization().SetAuthorized("specialist@ecomops.local").SetRoles(Roles.OperationsSpecialist).SetPolicies(Permissions.WorkOrders);
            ctx.Render<MudPopoverProvider>();
            var page = ctx.Render<OrderImportPage>();

            page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Gb18030(JdPayingMore), "jd.csv"));

            var cells = page.WaitForElement("[data-testid=import-problems] tbody tr").QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
            Assert.Equal(["jd.csv", "2", "应付金额", reason, "100.00"], cells);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }
}
