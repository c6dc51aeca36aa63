using System.Text;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Orders.Import;
using static EcomOps.Tests.Orders.ExportSamples;

namespace EcomOps.Tests.Orders;

public sealed class ExportReaderTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTime Now = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    private static ExportReadResult Read(params ExportFile[] files) => ExportReader.Read(files, Shanghai, Now);

    private static string Quoted(string header) => string.Join(",", header.Split(',').Select(h => Cell(h, true)));

    private static Dictionary<string, string> V(params (string Key, string Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public void Taobao_order_and_item_reports_in_gbk_become_orders_with_lines_names_outside_gb2312_intact()
    {
        var orders = Lines(
            Quoted(TaobaoOrderHeader),
            Row(TaobaoOrderHeader, V(("订单编号", "=\"2051234567890123456\""), ("买家应付邮费", "10.00"), ("总金额", "1,309.00"), ("买家实际支付金额", "1,289.00"),
                ("订单状态", "买家已付款，等待卖家发货"), ("买家留言", "请周末送"), ("收货人姓名", "王喆"), ("收货地址", "上海 上海市 浦东新区 张江路 100 号"),
                ("联系手机", "'13812345678"), ("订单创建时间", "2026-11-26 21:15:03"), ("订单付款时间", "2026-11-26 21:16:00"), ("宝贝总数量", "3"))),
            Row(TaobaoOrderHeader, V(("订单编号", "=\"2051234567890123457\""), ("买家应付邮费", "0.00"), ("总金额", "59.00"), ("买家实际支付金额", "0.00"),
                ("订单状态", "等待买家付款"), ("收货人姓名", "李堃"), ("收货地址", "广东省 广州市 天河区 体育西路 8 号"),
                ("联系手机", "'13912345678"), ("订单创建时间", "2026-11-26 22:00:00"), ("订单付款时间", "null"), ("宝贝总数量", "1"))));
        var items = Lines(
            Quoted(TaobaoItemHeader),
            Row(TaobaoItemHeader, V(("订单编号", "=\"2051234567890123456\""), ("标题", "保温杯 500ml"), ("价格", "999.00"), ("购买数量", "1"), ("商品属性", "颜色分类：黑色"), ("商家编码", "SKU-10001"))),
            Row(TaobaoItemHeader, V(("订单编号", "=\"2051234567890123456\""), ("标题", "杯套"), ("价格", "150.00"), ("购买数量", "2"), ("商家编码", "SKU-10002"))),
            Row(TaobaoItemHeader, V(("订单编号", "=\"2051234567890123457\""), ("标题", "杯刷"), ("价格", "59.00"), ("购买数量", "1"), ("商家编码", "SKU-10003"))));

        var result = Read(new ExportFile("ExportOrderList.csv", Gb18030(orders)), new ExportFile("ExportOrderDetailList.csv", Gb18030(items)));

        Assert.Empty(result.Problems);
        Assert.Equal(SalesPlatform.Tmall, result.Platform);
        Assert.Equal("GB18030", result.Encoding);
        var first = result.Orders.Single(o => o.Draft.PlatformOrderId == "2051234567890123456").Draft;
        Assert.Equal("王喆", first.CustomerName);
        Assert.Equal("13812345678", first.CustomerPhone);
        Assert.Equal(new DateTime(2026, 11, 26, 13, 15, 3, DateTimeKind.Utc), first.PlacedAtUtc);
        Assert.Equal(1000, first.ShippingFeeCents);
        // 999 + 2 x 150 + 10 postage = 1,309; paid 1,289: 20 yuan off, spread over the lines by their amounts.
        Assert.Equal(2000, first.Lines.Sum(l => l.DiscountCents));
        Assert.Equal(1538, first.Lines.Single(l => l.SkuCode == "SKU-10001").DiscountCents);
        var second = result.Orders.Single(o => o.Draft.PlatformOrderId == "2051234567890123457").Draft;
        Assert.Equal("李堃", second.CustomerName);
        Assert.Null(second.PaidAtUtc);
        Assert.Equal(0, second.Lines.Single().DiscountCents);
    }

    [Fact]
    public void Taobao_order_report_without_its_item_report_is_refused()
    {
        var orders = Lines(Quoted(TaobaoOrderHeader), Row(TaobaoOrderHeader, V(("订单编号", "=\"1\""))));

        var result = Read(new ExportFile("ExportOrderList.csv", Gb18030(orders)));

        Assert.Equal("ItemReportMissing", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Jd_lines_of_one_order_are_grouped_and_the_payable_amount_gives_the_discount()
    {
        var common = V(("订单号", "300012345678"), ("下单时间", "2026-11-25 10:00:00"), ("付款确认时间", "2026-11-25 10:01:00"), ("应付金额", "268.00"),
            ("订单状态", "等待出库"), ("客户姓名", "张三"), ("客户地址", "北京市海淀区中关村大街 1 号"), ("联系电话", "138****5678"), ("运费金额", "8.00"));
        string Line(string sku, string price, string qty) => Row(JdHeader,
            new Dictionary<string, string>(common) { ["商品名称"] = "商品 " + sku, ["京东价"] = price, ["订购数量"] = qty, ["商家SKUID"] = sku }, quoteAll: false);
        var file = Lines(JdHeader, Line("SKU-10001", "100.00", "2"), Line("SKU-10002", "80.00", "1"));

        var result = Read(new ExportFile("jd.csv", Gb18030(file)));

        Assert.Empty(result.Problems);
        var order = Assert.Single(result.Orders);
        Assert.Equal(2, order.Draft.Lines.Count);
        Assert.Equal([2, 3], order.LineRows);
        Assert.Equal(2000, order.Draft.Lines.Sum(l => l.DiscountCents));
    }

    [Fact]
    public void Jd_rows_that_disagree_about_the_same_order_name_the_order_id_first_then_every_differing_field()
    {
        var a = V(("订单号", "300012345678"), ("下单时间", "2026-11-25 10:00:00"), ("付款确认时间", "2026-11-25 10:01:00"), ("应付金额", "100.00"), ("订单状态", "等待出库"),
            ("客户姓名", "张三"), ("客户地址", "北京市海淀区中关村大街 1 号"), ("联系电话", "13800001111"), ("订单备注", "周末送"), ("商家SKUID", "SKU-1"), ("京东价", "100.00"),
            ("订购数量", "1"), ("运费金额", "0"));
        // Two differing fields the old check never looked at (payment time, note) after the one it did (name).
        var b = new Dictionary<string, string>(a) { ["客户姓名"] = "李四", ["付款确认时间"] = "2026-11-25 11:00:00", ["订单备注"] = "工作日送", ["商家SKUID"] = "SKU-2" };

        var result = Read(new ExportFile("jd.csv", Gb18030(Lines(JdHeader, Row(JdHeader, a, false), Row(JdHeader, b, false)))));

        Assert.Equal(
            [(3, "订单号", "DuplicateOrderId", "300012345678"), (3, "客户姓名", "ConflictingOrderFields", "300012345678"),
             (3, "订单备注", "ConflictingOrderFields", "300012345678"), (3, "付款确认时间", "ConflictingOrderFields", "300012345678")],
            result.Problems.Select(p => (p.Row, p.Column, p.Code, p.Value)).ToList());
        Assert.Empty(result.Orders);
    }

    [Fact]
    public void Douyin_rows_of_one_order_that_disagree_on_payment_time_or_freight_are_each_reported()
    {
        var first = V(("主订单编号", "\t1"), ("子订单编号", "\t2"), ("选购商品", "手表"), ("商家编码", "SKU-1"), ("商品数量", "1"), ("商品金额", "10.00"), ("订单应付金额", "15.00"),
            ("运费", "5.00"), ("订单提交时间", "2026/11/26 20:01:02"), ("支付完成时间", "2026/11/26 20:02:00"), ("订单状态", "待发货"), ("收件人", "王**"),
            ("收件人手机号", "138****0000"), ("详细地址", "##X##"));
        var second = new Dictionary<string, string>(first) { ["子订单编号"] = "\t3", ["商家编码"] = "SKU-2", ["运费"] = "8.00", ["支付完成时间"] = "2026/11/26 20:09:00" };

        var result = Read(new ExportFile("douyin.csv", Utf8Bom(Lines(DouyinHeader, Row(DouyinHeader, first), Row(DouyinHeader, second)))));

        Assert.Equal(
            [(3, "主订单编号", "DuplicateOrderId"), (3, "支付完成时间", "ConflictingOrderFields"), (3, "运费", "ConflictingOrderFields")],
            result.Problems.Select(p => (p.Row, p.Column, p.Code)).ToList());
        Assert.All(result.Problems, p => Assert.Equal("1", p.Value));
    }

    [Fact]
    public void Douyin_tab_prefixed_ids_dashes_thousands_separators_and_ciphertext_are_read_as_meant()
    {
        var row = Row(DouyinHeader, V(("主订单编号", "\t6917000000000000001"), ("子订单编号", "\t6917000000000000002"), ("选购商品", "\t智能手表"),
            ("商家编码", "\tSKU-20001"), ("商品数量", "1"), ("商品金额", "1,299.00"), ("订单提交时间", "2026/11/26 20:01:02"), ("支付完成时间", "2026/11/26 20:01:30"),
            ("买家留言", "-"), ("订单状态", "待发货"), ("运费", "0.00"), ("优惠总金额", "100.00"), ("订单应付金额", "1,199.00"), ("收件人", "王**"), ("收件人手机号", "138****0000"),
            ("省", "浙江省"), ("市", "杭州市"), ("区", "西湖区"), ("街道", "-"), ("详细地址", "##A1B2C3D4E5F6##")));

        var result = Read(new ExportFile("douyin.csv", Utf8Bom(Lines(DouyinHeader, row))));

        Assert.Empty(result.Problems);
        Assert.Equal("UTF-8 BOM", result.Encoding);
        var draft = Assert.Single(result.Orders).Draft;
        Assert.Equal("6917000000000000001", draft.PlatformOrderId);
        Assert.Null(draft.BuyerNote);
        Assert.Equal("##A1B2C3D4E5F6##", draft.ShippingAddress);
        var line = Assert.Single(draft.Lines);
        Assert.Equal(("SKU-20001", "智能手表", 129900L, 10000L), (line.SkuCode, line.Title, line.UnitPriceCents, line.DiscountCents));
    }

    [Fact]
    public void Douyin_duplicate_sub_order_is_named_by_row_and_column()
    {
        var values = V(("主订单编号", "\t1"), ("子订单编号", "\t2"), ("选购商品", "手表"), ("商家编码", "SKU-1"), ("商品数量", "1"), ("商品金额", "10.00"),
            ("订单提交时间", "2026/11/26 20:01:02"), ("订单状态", "待发货"), ("收件人", "王**"), ("收件人手机号", "138****0000"), ("详细地址", "##X##"), ("订单应付金额", "10.00"));

        var result = Read(new ExportFile("douyin.csv", Utf8Bom(Lines(DouyinHeader, Row(DouyinHeader, values), Row(DouyinHeader, values)))));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((3, "子订单编号", "DuplicateOrderId"), (problem.Row, problem.Column, problem.Code));
    }

    [Fact]
    public void Pinduoduo_new_layout_with_stray_tabs_reads_and_cancelled_orders_are_skipped()
    {
        var values = V(("商品", "\t纸巾 10 包"), ("订单号", "\t261126-123456789012345\t"), ("订单状态", "\t待发货"), ("商品总价(元)", "\t29.90"),
            ("邮费(元)", "\t0"), ("店铺优惠折扣(元)", "\t2.00"), ("用户实付金额(元)", "\t27.90"), ("商品数量(件)", "\t1"), ("订单成交时间", "\t2026-11-26 09:00:00"), ("商家编码-规格维度", "\tSKU-30001"));
        var cancelled = new Dictionary<string, string>(values) { ["订单号"] = "\t261126-123456789012346", ["订单状态"] = "\t已取消" };

        var result = Read(new ExportFile("pdd.csv", Utf8Bom(Lines(PddNewHeader, Row(PddNewHeader, values, false), Row(PddNewHeader, cancelled, false) + ",\t"))));

        Assert.Empty(result.Problems);
        var draft = Assert.Single(result.Orders).Draft;
        Assert.Equal("261126-123456789012345", draft.PlatformOrderId);
        Assert.Equal((2990L, 200L), (draft.Lines[0].UnitPriceCents, draft.Lines[0].DiscountCents));
        Assert.Equal(draft.PlacedAtUtc, draft.PaidAtUtc);
        Assert.Equal(1, result.SkippedClosed);
    }

    [Fact]
    public void Pinduoduo_old_layout_gives_the_receiver_and_a_privacy_number()
    {
        var values = V(("商品", "纸巾"), ("订单号", "261126-000000000000001"), ("订单状态", "待发货"), ("商品总价(元)", "59.80"), ("邮费(元)", "0"),
            ("商品数量(件)", "2"), ("用户实付金额(元)", "59.80"), ("收货人", "赵六"), ("手机", "170xxxxxxxx-1234"), ("省", "四川省"), ("市", "成都市"), ("区", "武侯区"), ("街道", "人民南路四段 1 号"),
            ("支付时间", "2026-11-26 09:00:00"), ("商家编码-SKU维度", "SKU-30001"));

        var result = Read(new ExportFile("pdd.csv", Encoding.UTF8.GetBytes(Lines(PddOldHeader, Row(PddOldHeader, values, false)))));

        var draft = Assert.Single(result.Orders).Draft;
        Assert.Equal("四川省成都市武侯区人民南路四段 1 号", draft.ShippingAddress);
        Assert.True(OrderRules.PhoneLooksPlausible(draft.CustomerPhone));
        Assert.Equal(2990, draft.Lines[0].UnitPriceCents);
    }

    [Fact]
    public void Generic_template_keeps_a_formula_in_a_buyer_note_as_plain_text()
    {
        var file = Lines(GenericHeader, "W-1,2026-11-26 08:00,2026-11-26 08:05,Anna Li,13800001111,上海市徐汇区漕溪北路 88 号,en,\"=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",SKU-1,Mug,2,39.50,0,6.00");

        var result = Read(new ExportFile("shop.csv", Utf8Bom(file)));

        Assert.Empty(result.Problems);
        var draft = Assert.Single(result.Orders).Draft;
        Assert.Equal("=HYPERLINK(\"http://x\",\"click\")", draft.BuyerNote);
        Assert.Equal("en", draft.CustomerLanguage);
    }

    [Fact]
    public void A_promotion_code_column_carries_the_campaign_code_onto_the_order_and_a_file_without_one_leaves_it_empty()
    {
        var withCode = Lines(GenericHeader + ",promotion_code", "W-1,2026-11-26 08:00,2026-11-26 08:05,Anna Li,13800001111,上海市徐汇区漕溪北路 88 号,en,,SKU-1,Mug,2,39.50,0,6.00,D12");
        Assert.Equal("D12", Assert.Single(Read(new ExportFile("shop.csv", Utf8Bom(withCode))).Orders).Draft.PromotionCode);
        var without = Lines(GenericHeader, "W-1,2026-11-26 08:00,2026-11-26 08:05,Anna Li,13800001111,上海市徐汇区漕溪北路 88 号,en,,SKU-1,Mug,2,39.50,0,6.00");
        Assert.Null(Assert.Single(Read(new ExportFile("shop.csv", Utf8Bom(without))).Orders).Draft.PromotionCode);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_row_column_and_reason_and_no_order_is_returned()
    {
        var file = Lines(GenericHeader,
            "W-1,2026-11-26 08:00,,Anna,13800001111,上海市徐汇区漕溪北路 88 号,,,SKU-1,,-2,39.50,,0",
            "W-2,2026-02-30 08:00,,Ben,13800001111,上海市徐汇区漕溪北路 88 号,,,SKU-1,,1,-5,,0",
            "W-3,2026-11-26 08:00,,Cai,13800001111,上海市徐汇区漕溪北路 88 号,,,SKU-1,,1,1.005,,0",
            "W-3,2026-11-26 08:00,,Cai,13800001111,上海市徐汇区漕溪北路 88 号,,,SKU-1,,1,1.00,,0",
            "W-4,2026-11-26 08:00,,Dan,13800001111,上海市徐汇区漕溪北路 88 号,,,SKU-1,,1,1.00,,0");

        var result = Read(new ExportFile("shop.csv", Utf8Bom(file)));

        Assert.Empty(result.Orders);
        Assert.Equal(
            [(2, "quantity", "QuantityOutOfRange"), (3, "placed_at", "DateInvalid"), (3, "unit_price", "AmountNegative"), (4, "unit_price", "AmountFormat"), (5, "sku", "DuplicateLine")],
            result.Problems.Select(p => (p.Row, p.Column, p.Code)).OrderBy(p => p.Row).ThenBy(p => p.Column, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Missing_columns_are_named()
    {
        var result = Read(new ExportFile("shop.csv", Utf8Bom(Lines("order_id,sku,quantity,unit_price", "W-1,SKU-1,1,1.00"))));

        Assert.Contains(result.Problems, p => p is { Row: 1, Column: "placed_at", Code: "MissingColumn" });
        Assert.Contains(result.Problems, p => p is { Column: "customer_phone", Code: "MissingColumn" });
        Assert.Empty(result.Orders);
    }

    [Fact]
    public void An_unknown_header_is_refused_as_an_unknown_layout()
    {
        var result = Read(new ExportFile("other.csv", Utf8Bom(Lines("a,b,c", "1,2,3"))));

        Assert.Equal("UnknownLayout", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Empty_and_blank_files_are_refused()
    {
        Assert.Equal("EmptyFile", Assert.Single(Read(new ExportFile("a.csv", [])).Problems).Code);
        Assert.Equal("EmptyFile", Assert.Single(Read(new ExportFile("a.csv", Utf8Bom("\r\n  \r\n"))).Problems).Code);
    }

    [Fact]
    public void A_file_in_big5_or_utf16_is_refused_as_the_wrong_encoding_not_read_as_mojibake()
    {
        var jd = Lines(JdHeader, Row(JdHeader, V(("订单号", "1"), ("客户姓名", "張三")), false));

        Assert.Equal("WrongEncoding", Assert.Single(Read(new ExportFile("jd.csv", CodePage(950).GetBytes(jd))).Problems).Code);
        Assert.Equal("WrongEncoding", Assert.Single(Read(new ExportFile("jd.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(jd)).ToArray())).Problems).Code);
    }

    [Fact]
    public void Names_already_garbled_in_a_utf8_file_are_refused_as_mojibake()
    {
        // "王喆" written as UTF-8, read back as GBK and saved again: the classic 鐜嬪杸.
        var garbled = CodePage("GB18030").GetString(Encoding.UTF8.GetBytes("王喆先生"));
        var file = Lines(GenericHeader, $"W-1,2026-11-26 08:00,,{garbled},13800001111,上海市徐汇区漕溪北路 88 号,,,SKU-1,,1,1.00,,0");

        var result = Read(new ExportFile("shop.csv", Utf8Bom(file)));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, "customer_name", "Mojibake"), (problem.Row, problem.Column, problem.Code));
    }

    [Fact]
    public void A_file_cut_off_mid_row_mid_quote_or_mid_character_is_refused_as_truncated()
    {
        var full = Lines(GenericHeader, "W-1,2026-11-26 08:00,,王喆,13800001111,上海市徐汇区漕溪北路 88 号,,,SKU-1,,1,1.00,,0");
        var cutInRow = Gb18030(full[..(full.IndexOf("SKU-1", StringComparison.Ordinal) + 3)]);
        var cutInQuote = Utf8Bom(Lines(GenericHeader) + "W-1,2026-11-26 08:00,,Anna,13800001111,\"上海市徐汇区");
        var cutInCharacter = Gb18030(Lines(GenericHeader) + "W-1,2026-11-26 08:00,,王")[..^1];

        Assert.Equal("FileTruncated", Assert.Single(Read(new ExportFile("a.csv", cutInRow)).Problems).Code);
        Assert.Equal("FileTruncated", Assert.Single(Read(new ExportFile("a.csv", cutInQuote)).Problems).Code);
        Assert.Equal("FileTruncated", Assert.Single(Read(new ExportFile("a.csv", cutInCharacter)).Problems).Code);
    }

    [Fact]
    public void Discount_is_spread_over_lines_to_the_cent()
    {
        var lines = ExportReader.AllocateDiscount([new("A", null, 1, 100, 0), new("B", null, 1, 100, 0), new("C", null, 1, 100, 0)], 100);

        Assert.Equal(100, lines.Sum(l => l.DiscountCents));
        Assert.Equal([34L, 33L, 33L], lines.Select(l => l.DiscountCents).ToList());
    }

    [Fact]
    public void A_line_break_inside_a_quoted_buyer_note_does_not_shift_the_rows_after_it()
    {
        var file = Lines(GenericHeader,
            "W-1,2026-11-26 08:00,,Anna,13800001111,上海市徐汇区漕溪北路 88 号,,\"请周末送\r\n放门口\r\n谢谢\",SKU-1,,1,39.50,,0",
            "W-2,2026-11-26 08:00,,Ben,13800001111,上海市徐汇区漕溪北路 88 号,,,SKU-1,,-2,39.50,,0");

        var result = Read(new ExportFile("shop.csv", Utf8Bom(file)));

        // A spreadsheet shows the note in one cell of row 2, so W-2 is row 3 (the file's 5th line).
        var problem = Assert.Single(result.Problems);
        Assert.Equal((3, "quantity", "QuantityOutOfRange"), (problem.Row, problem.Column, problem.Code));
    }

    [Fact]
    public void Header_only_file_says_no_orders_from_row_2()
    {
        var problem = Assert.Single(Read(new ExportFile("shop.csv", Utf8Bom(Lines(GenericHeader)))).Problems);

        Assert.Equal(("NoRows", 2), (problem.Code, problem.Row));
    }

    [Fact]
    public void An_empty_file_is_reported_at_row_1()
    {
        Assert.All([Read(new ExportFile("a.csv", [])), Read(new ExportFile("a.csv", Utf8Bom("\r\n  \r\n")))],
            r => Assert.Equal(("EmptyFile", 1), (Assert.Single(r.Problems).Code, r.Problems[0].Row)));
    }

    [Fact]
    public void A_missing_column_that_helps_recognise_the_layout_is_named_not_called_an_unknown_layout()
    {
        var jdWithoutName = string.Join(",", JdHeader.Split(',').Where(h => h != "客户姓名"));
        var genericWithoutSku = "order_id,placed_at,paid_at,customer_name,customer_phone,shipping_address,quantity,unit_price,line_discount,shipping_fee";

        var jd = Read(new ExportFile("jd.csv", Gb18030(Lines(jdWithoutName, Row(jdWithoutName, V(("订单号", "1")), false)))));
        var generic = Read(new ExportFile("shop.csv", Utf8Bom(Lines(genericWithoutSku, Row(genericWithoutSku, V(("order_id", "W-1")), false)))));

        Assert.Equal((1, "客户姓名", "MissingColumn"), (Assert.Single(jd.Problems).Row, jd.Problems[0].Column, jd.Problems[0].Code));
        Assert.Equal((1, "sku", "MissingColumn"), (Assert.Single(generic.Problems).Row, generic.Problems[0].Column, generic.Problems[0].Code));
    }

    [Fact]
    public void Taobao_item_count_that_is_not_a_positive_whole_number_or_disagrees_with_the_item_report_is_a_problem_row()
    {
        string Head(string id, string count) => Row(TaobaoOrderHeader, V(("订单编号", $"=\"{id}\""), ("买家应付邮费", "0.00"), ("总金额", "59.00"), ("买家实际支付金额", "59.00"),
            ("订单状态", "买家已付款，等待卖家发货"), ("收货人姓名", "王喆"), ("收货地址", "上海 上海市 浦东新区 张江路 100 号"), ("联系手机", "'13812345678"),
            ("订单创建时间", "2026-11-26 21:15:03"), ("订单付款时间", "2026-11-26 21:16:00"), ("宝贝总数量", count)));
        string Item(string id) => Row(TaobaoItemHeader, V(("订单编号", $"=\"{id}\""), ("标题", "杯刷"), ("价格", "59.00"), ("购买数量", "1"), ("商家编码", "SKU-1")));
        var orders = Lines(Quoted(TaobaoOrderHeader), Head("1", "-1"), Head("2", "5"), Head("3", "1.5"), Head("4", "1"));
        var items = Lines(Quoted(TaobaoItemHeader), Item("1"), Item("2"), Item("3"), Item("4"));

        var result = Read(new ExportFile("ExportOrderList.csv", Gb18030(orders)), new ExportFile("ExportOrderDetailList.csv", Gb18030(items)));

        Assert.Equal(
            [(2, "宝贝总数量", "QuantityOutOfRange", "-1"), (3, "宝贝总数量", "ItemCountMismatch", "1"), (4, "宝贝总数量", "QuantityFormat", "1.5")],
            result.Problems.Select(p => (p.Row, p.Column, p.Code, p.Value)).ToList());
        Assert.Equal("5", result.Problems[1].Expected);
        Assert.Empty(result.Orders);
    }

    [Fact]
    public void An_order_whose_total_is_not_the_files_payable_amount_is_a_problem_row_not_a_silent_hold()
    {
        var jd = V(("订单号", "300012345678"), ("下单时间", "2026-11-25 10:00:00"), ("付款确认时间", "2026-11-25 10:01:00"), ("应付金额", "120.00"), ("订单状态", "等待出库"),
            ("客户姓名", "张三"), ("客户地址", "北京市海淀区中关村大街 1 号"), ("联系电话", "13800001111"), ("商家SKUID", "SKU-1"), ("京东价", "100.00"), ("订购数量", "1"), ("运费金额", "0"));
        var douyin = V(("主订单编号", "\t1"), ("子订单编号", "\t2"), ("选购商品", "手表"), ("商家编码", "SKU-1"), ("商品数量", "2"), ("商品金额", "200.00"), ("优惠总金额", "10.00"),
            ("运费", "5.00"), ("订单应付金额", "300.00"), ("订单提交时间", "2026/11/26 20:01:02"), ("订单状态", "待发货"), ("收件人", "王**"), ("收件人手机号", "138****0000"), ("详细地址", "##X##"));

        var jdResult = Read(new ExportFile("jd.csv", Gb18030(Lines(JdHeader, Row(JdHeader, jd, false)))));
        var douyinResult = Read(new ExportFile("douyin.csv", Utf8Bom(Lines(DouyinHeader, Row(DouyinHeader, douyin)))));

        Assert.Equal((2, "应付金额", "TotalMismatch", "100.00"), (Assert.Single(jdResult.Problems).Row, jdResult.Problems[0].Column, jdResult.Problems[0].Code, jdResult.Problems[0].Value));
        Assert.Equal((2, "订单应付金额", "TotalMismatch", "195.00"), (Assert.Single(douyinResult.Problems).Row, douyinResult.Problems[0].Column, douyinResult.Problems[0].Code, douyinResult.Problems[0].Value));
        Assert.Equal(("120.00", "300.00"), (jdResult.Problems[0].Expected, douyinResult.Problems[0].Expected));
        Assert.Empty(jdResult.Orders);
    }

    [Fact]
    public void Douyin_goods_amount_is_the_lines_amount_and_agrees_with_the_payable_amount()
    {
        var douyin = V(("主订单编号", "\t1"), ("子订单编号", "\t2"), ("选购商品", "手表"), ("商家编码", "SKU-1"), ("商品数量", "2"), ("商品金额", "200.00"), ("优惠总金额", "10.00"),
            ("运费", "5.00"), ("订单应付金额", "195.00"), ("订单提交时间", "2026/11/26 20:01:02"), ("订单状态", "待发货"), ("收件人", "王**"), ("收件人手机号", "138****0000"), ("详细地址", "##X##"));

        var result = Read(new ExportFile("douyin.csv", Utf8Bom(Lines(DouyinHeader, Row(DouyinHeader, douyin)))));

        Assert.Empty(result.Problems);
        var line = Assert.Single(Assert.Single(result.Orders).Draft.Lines);
        Assert.Equal((2, 10000L, 1000L), (line.Quantity, line.UnitPriceCents, line.DiscountCents));
    }

    [Fact]
    public void A_file_cut_off_mid_character_names_the_row_it_stops_in()
    {
        var row = "W-1,2026-11-26 08:00,,王喆,13800001111,\"上海市徐汇区\n漕溪北路 88 号\",,,SKU-1,,1,1.00,,0";
        var cut = Gb18030(Lines(GenericHeader, row) + "W-2,2026-11-26 08:00,,王")[..^1];

        var problem = Assert.Single(Read(new ExportFile("a.csv", cut)).Problems);

        Assert.Equal(("FileTruncated", 3), (problem.Code, problem.Row));
    }
}
