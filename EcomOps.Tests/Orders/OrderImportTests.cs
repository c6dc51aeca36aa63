using EcomOps.Domain.Orders;
using EcomOps.Domain.Orders.Import;
using Microsoft.EntityFrameworkCore;
using static EcomOps.Tests.Orders.ExportSamples;

namespace EcomOps.Tests.Orders;

[Trait("Engines", "Both")]
public sealed class OrderImportTests
{
    private static string GenericRow(string id, string sku, int quantity = 1, string name = "王喆", string phone = "13812345678") =>
        $"{id},2026-11-27 09:00:00,2026-11-27 09:01:00,{name},{phone},上海市浦东新区张江路 100 号,,,{sku},,{quantity},100.00,0,0";

    private static async Task<ImportOutcome> ImportAsync(OrderWorld world, params string[] rows)
    {
        var time = world.Harness.Get<EcomOps.Domain.Time.CompanyTime>();
        var read = ExportReader.Read([new ExportFile("shop.csv", Utf8Bom(Lines([GenericHeader, .. rows])))], time.Zone, time.UtcNow);
        return await world.Harness.Get<OrderImport>().ImportAsync(OrderWorld.Specialist, world.ChannelId, read);
    }

    [Fact]
    public async Task A_file_with_one_bad_row_imports_nothing_and_names_the_row_and_column()
    {
        await using var world = await OrderWorld.StartAsync();

        var outcome = await ImportAsync(world, GenericRow("W-1", "SKU-1"), GenericRow("W-2", "SKU-404", name: "李堃", phone: "13900000000"), GenericRow("W-3", "SKU-2", name: "赵六", phone: "13700000000"));

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(("shop.csv", 3, "sku", "UnknownSku", "SKU-404"), (problem.File, problem.Row, problem.Column, problem.Code, problem.Value));
        Assert.Equal(0, await world.ReadAsync(db => db.Orders.CountAsync()));
    }

    [Fact]
    public async Task Reimporting_an_overlapping_file_adds_only_the_new_orders()
    {
        await using var world = await OrderWorld.StartAsync();

        var first = await ImportAsync(world, GenericRow("W-1", "SKU-1"), GenericRow("W-2", "SKU-2", name: "李堃", phone: "13900000000"));
        var second = await ImportAsync(world, GenericRow("W-2", "SKU-2", name: "李堃", phone: "13900000000"), GenericRow("W-3", "SKU-3", name: "赵六", phone: "13700000000"));

        Assert.Equal((2, 0), (first.Created, first.AlreadyThere));
        Assert.Equal((1, 1), (second.Created, second.AlreadyThere));
        Assert.Equal(["W-1", "W-2", "W-3"], await world.ReadAsync(db => db.Orders.OrderBy(o => o.Id).Select(o => o.PlatformOrderId).ToListAsync()));
    }

    [Fact]
    public async Task An_export_from_another_platform_than_the_channel_is_refused()
    {
        await using var world = await OrderWorld.StartAsync();
        var time = world.Harness.Get<EcomOps.Domain.Time.CompanyTime>();
        var jd = Lines(JdHeader, Row(JdHeader, new Dictionary<string, string>
        {
            ["订单号"] = "1", ["下单时间"] = "2026-11-27 09:00:00", ["应付金额"] = "100.00", ["订单状态"] = "等待出库", ["客户姓名"] = "张三",
            ["客户地址"] = "北京市海淀区中关村大街 1 号", ["联系电话"] = "13800001111", ["商家SKUID"] = "SKU-1", ["京东价"] = "100.00", ["订购数量"] = "1",
        }, false));
        var read = ExportReader.Read([new ExportFile("jd.csv", Gb18030(jd))], time.Zone, time.UtcNow);

        var outcome = await world.Harness.Get<OrderImport>().ImportAsync(OrderWorld.Specialist, world.ChannelId, read);

        Assert.Equal("PlatformMismatch", Assert.Single(outcome.Problems).Code);
    }

    [Fact]
    public void The_problem_report_keeps_formulas_inert_and_is_readable_utf8()
    {
        var csv = OrderImport.ReportCsv([new ImportProblem("a.csv", 4, "buyer_note", "TooLong", "=HYPERLINK(\"x\")")], code => "太长", ["文件", "行", "列", "原因", "值"]);

        var text = System.Text.Encoding.UTF8.GetString(csv);
        Assert.StartsWith("\uFEFF文件,行,列,原因,值", text);
        Assert.Contains("a.csv,4,buyer_note,太长,\"'=HYPERLINK(\"\"x\"\")\"", text);
    }
}
