using System.Text;
using EcomOps.Domain.Orders.Import;

namespace EcomOps.Tests.Orders;

/// <summary>Export files as the seller back offices write them (header rows from the platform reference).</summary>
internal static class ExportSamples
{
    public const string TaobaoOrderHeader = "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址 ,运送方式,联系电话 ,联系手机,订单创建时间,订单付款时间 ,宝贝标题 ,宝贝种类 ,物流单号 ,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,买家服务费,发票抬头,是否手机订单,分阶段订单信息,特权订金订单id,是否上传合同照片,是否上传小票,是否代付,定金排名,修改后的sku,修改后的收货地址,异常信息,天猫卡券抵扣,集分宝抵扣,是否是O2O交易,新零售交易类型,新零售导购门店名称,新零售导购门店id,新零售发货门店名称,新零售发货门店id,退款金额,预约门店,确认收货时间,打款商家金额,含应开票给个人的个人红包";
    public const string TaobaoItemHeader = "订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码";
    public const string JdHeader = "订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,结算金额,余额支付,应付金额,订单状态,订单类型,下单帐号,客户姓名,客户地址,联系电话,订单备注,发票类型,发票抬头,发票内容,商家备注,商家备注等级（等级1-5为由高到低）,运费金额,付款确认时间,增值税发票,货号,订单完成时间,订单来源,订单渠道,送装服务,服务费,仓库id,仓库名称,普通发票纳税编号,商家SKUID,邮箱地址,邮政编码,是否为品牌商订单,是否为toplife订单";
    public const string DouyinHeader = "主订单编号,子订单编号,支付方式,选购商品,货号,商品ID,商家编码,商品数量,商品金额,订单提交时间,支付完成时间,订单完成时间,承诺发货时间,预约发货时间,买家留言,旗帜颜色,商家备注,APP渠道,订单状态,取消原因,售后状态,订单类型,发货时间,车型,是否是以旧换新,换新额外补贴,换新额外补贴发放状态,订单应付金额,运费,优惠总金额,平台优惠,商家优惠,达人优惠,商家改价,支付优惠,手续费,红包抵扣,降价类优惠,平台实际承担优惠金额,商家实际承担优惠金额,达人实际承担优惠金额,收件人,收件人手机号,省,市,区,街道,详细地址,是否修改过地址,快递信息,序列号,达人ID,达人昵称,拼团订单团编号,商品单价是否含税,税费,鲁班落地页ID,所属门店ID,流量来源,仓库ID,仓库名称,是否安心购,广告渠道,流量类型,流量体裁,流量渠道,发货主体,发货主体明细,教育优惠,预计送达时间,是否平台仓自流转,是否是渠道商品,预约送达时间,建议发货时间（起）,建议发货时间（止）";
    public const string PddNewHeader = "商品,订单号,订单状态,商品总价(元),邮费(元),店铺优惠折扣(元),平台优惠折扣(元),多多支付立减金额(元),用户实付金额(元),商家实收金额(元),商品数量(件),发货时间,确认收货时间,商品id,商品规格,样式ID,商家编码-规格维度,商家编码-商品维度,商家备注,售后状态,快递单号,快递公司,订单成交时间,是否分期,分期期数,手续费承担方,分期方式";
    public const string PddOldHeader = "商品,订单号,订单状态,商品总价(元),店铺优惠折扣(元),平台优惠折扣(元),邮费(元),上门安装费(元),送货入户费(元),送货入户并安装费(元),用户实付金额(元),商品数量(件),身份证姓名,身份证号码,收货人,手机,是否异常,省,市,区,街道,支付时间,拼单成功时间,订单确认时间,承诺发货时间,发货时间,确认收货时间,商品id,商品规格,用户购买手机号,样式ID,商家编码-SKU维度,商家编码-商品维度,快递单号,快递公司,海淘清关订单号,支付ID,支付方式,是否抽奖或0元试用,是否顺丰加价,商家备注,售后状态,买家留言,关联货品编码,货品名称,货品类型,子货品,仓库名称,仓库所在地址";
    public const string GenericHeader = "order_id,placed_at,paid_at,customer_name,customer_phone,shipping_address,customer_language,buyer_note,sku,title,quantity,unit_price,line_discount,shipping_fee";

    /// <summary>
    /// Code pages taken straight from the provider, never registered: the product has to work without a test having
    /// registered <see cref="CodePagesEncodingProvider"/> for it.
    /// </summary>
    public static Encoding CodePage(string name) => CodePagesEncodingProvider.Instance.GetEncoding(name)!;

    public static Encoding CodePage(int codePage) => CodePagesEncodingProvider.Instance.GetEncoding(codePage)!;

    public static byte[] Gb18030(string text) => CodePage("GB18030").GetBytes(text);

    public static byte[] Utf8Bom(string text) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];

    /// <summary>A data row with the given columns filled (by header name) and every other cell empty.</summary>
    public static string Row(string header, IReadOnlyDictionary<string, string> values, bool quoteAll = true)
    {
        var names = header.Split(',').Select(ExportLayout.HeaderName).ToList();
        return string.Join(",", names.Select(n => values.TryGetValue(n, out var v) ? Cell(v, quoteAll) : quoteAll ? "\"\"" : ""));
    }

    public static string Cell(string value, bool quote) =>
        quote || value.Contains(',') || value.Contains('"') || value.Contains('\n') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    public static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";
}
