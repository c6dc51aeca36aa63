namespace EcomOps.Domain.Orders.Import;

/// <summary>Which export a file is, recognised from its header row.</summary>
public enum ExportKind
{
    TaobaoOrders,
    TaobaoItems,
    JD,
    Douyin,
    PinduoduoWithReceiver,
    Pinduoduo,
    Generic,
}

/// <summary>
/// A platform's export layout: the columns that identify it and the columns the importer reads, by header name.
/// Columns may come in any order and unknown columns are ignored (the platforms add columns over time).
/// </summary>
public sealed record ExportLayout(ExportKind Kind, SalesPlatform? Platform, IReadOnlyList<string> Signature, IReadOnlyList<string> Required)
{
    public static readonly ExportLayout TaobaoOrders = new(ExportKind.TaobaoOrders, SalesPlatform.Tmall,
        ["订单编号", "买家会员名", "买家实际支付金额", "收货人姓名", "收货地址"],
        ["订单编号", "买家应付邮费", "买家实际支付金额", "总金额", "订单状态", "收货人姓名", "收货地址", "联系手机", "订单创建时间", "订单付款时间", "宝贝总数量"]);

    public static readonly ExportLayout TaobaoItems = new(ExportKind.TaobaoItems, SalesPlatform.Tmall,
        ["订单编号", "标题", "价格", "购买数量", "商家编码"],
        ["订单编号", "标题", "价格", "购买数量", "商家编码"]);

    public static readonly ExportLayout JD = new(ExportKind.JD, SalesPlatform.JD,
        ["订单号", "商品ID", "订购数量", "京东价", "客户姓名"],
        ["订单号", "商品名称", "订购数量", "京东价", "应付金额", "运费金额", "订单状态", "下单时间", "付款确认时间", "客户姓名", "客户地址", "联系电话", "商家SKUID"]);

    public static readonly ExportLayout Douyin = new(ExportKind.Douyin, SalesPlatform.Douyin,
        ["主订单编号", "子订单编号", "选购商品", "商品数量"],
        ["主订单编号", "子订单编号", "选购商品", "商家编码", "商品数量", "商品金额", "订单应付金额", "运费", "优惠总金额", "订单提交时间", "支付完成时间", "订单状态", "收件人", "收件人手机号", "省", "市", "区", "详细地址"]);

    public static readonly ExportLayout PinduoduoWithReceiver = new(ExportKind.PinduoduoWithReceiver, SalesPlatform.Pinduoduo,
        ["商品", "订单号", "商品总价(元)", "收货人", "手机"],
        ["商品", "订单号", "订单状态", "商品总价(元)", "店铺优惠折扣(元)", "邮费(元)", "用户实付金额(元)", "商品数量(件)", "收货人", "手机", "省", "市", "区", "支付时间", "商家编码-SKU维度"]);

    public static readonly ExportLayout Pinduoduo = new(ExportKind.Pinduoduo, SalesPlatform.Pinduoduo,
        ["商品", "订单号", "商品总价(元)", "商家实收金额(元)"],
        ["商品", "订单号", "订单状态", "商品总价(元)", "店铺优惠折扣(元)", "邮费(元)", "用户实付金额(元)", "商品数量(件)", "订单成交时间", "商家编码-规格维度"]);

    /// <summary>The documented template for any other channel (docs/ORDER-IMPORT.md), one row per order line.</summary>
    public static readonly ExportLayout Generic = new(ExportKind.Generic, null,
        ["order_id", "sku", "quantity", "unit_price"],
        ["order_id", "placed_at", "paid_at", "customer_name", "customer_phone", "shipping_address", "sku", "quantity", "unit_price", "line_discount", "shipping_fee"]);

    public static readonly IReadOnlyList<ExportLayout> All = [TaobaoOrders, TaobaoItems, JD, Douyin, PinduoduoWithReceiver, Pinduoduo, Generic];

    /// <summary>The generic template's header row, as the template download writes it.</summary>
    public static readonly IReadOnlyList<string> GenericHeader =
        ["order_id", "placed_at", "paid_at", "customer_name", "customer_phone", "shipping_address", "customer_language", "buyer_note", "sku", "title", "quantity", "unit_price", "line_discount", "shipping_fee"];

    /// <summary>
    /// The layout the header matches best: the most of its signature columns present (then the larger share of them,
    /// then the earlier layout). At least two of them, and at least half, must be there; otherwise the header is of no
    /// known layout. A layout recognised with signature columns missing is then refused naming each missing column.
    /// </summary>
    public static ExportLayout? Recognise(IReadOnlySet<string> header) => All
        .Select((layout, order) => (Layout: layout, Order: order, Present: layout.Signature.Count(header.Contains)))
        .Where(m => m.Present >= 2 && m.Present * 2 >= m.Layout.Signature.Count)
        .OrderByDescending(m => m.Present)
        .ThenByDescending(m => (double)m.Present / m.Layout.Signature.Count)
        .ThenBy(m => m.Order)
        .Select(m => m.Layout)
        .FirstOrDefault();

    /// <summary>The columns a file of this layout must have: those it is read from and those it is recognised by.</summary>
    public IEnumerable<string> Expected => Required.Concat(Signature).Distinct();

    /// <summary>A header cell as compared: the platforms pad some names with spaces or tabs.</summary>
    public static string HeaderName(string cell) => cell.Trim().Trim('\t', '\uFEFF').Trim();
}
