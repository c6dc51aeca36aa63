using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;

namespace EcomOps.Domain.Service.Answers;

/// <summary>
/// The standard-answer library as a Chinese online shop's desk keeps it: answers in Chinese and English for every
/// category, with placeholders; some used often, some never, a few proposals waiting and a few retired answers.
/// </summary>
public sealed class AnswerDemoData(TimeProvider clock) : IDemoDataArea
{
    private sealed record Seed(string Category, string Language, string Title, string Body, string Tags);

    private static readonly Seed[] Seeds =
    [
        new(TicketCategories.Shipping, AnswerLanguages.Chinese, "包裹物流未更新", "{customer_name}您好，您的订单{order_no}的包裹已从仓库发出，快递物流信息通常在24小时内更新，请您耐心等待。如48小时后仍未更新，我们会立即联系快递公司核实。", "快递,包裹,物流,未更新"),
        new(TicketCategories.Shipping, AnswerLanguages.Chinese, "快递延误致歉", "{customer_name}您好，非常抱歉您的包裹延误了。我们已联系快递公司加急处理订单{order_no}，预计1-2天内送达，有新进展会第一时间通知您。", "快递,延误,加急"),
        new(TicketCategories.Shipping, AnswerLanguages.Chinese, "发货时间说明", "{customer_name}您好，现货商品在付款后48小时内发货，预售商品以商品页标注的时间为准。您的订单{order_no}发货后会短信通知您。", "发货,时间,预售"),
        new(TicketCategories.Shipping, AnswerLanguages.Chinese, "修改收货地址", "{customer_name}您好，订单{order_no}尚未发货时可以修改地址，请把新的收货人、电话和详细地址发给我，我马上为您修改。", "地址,修改,收货"),
        new(TicketCategories.Shipping, AnswerLanguages.Chinese, "包裹显示签收但未收到", "{customer_name}您好，请先确认是否由家人、门卫或快递柜代收。如仍未找到，我们会向快递公司发起查件，工单号{ticket_no}，24小时内给您答复。", "签收,未收到,快递,查件"),
        new(TicketCategories.ReturnsRefunds, AnswerLanguages.Chinese, "七天无理由退货", "{customer_name}您好，商品签收后7天内、不影响二次销售的情况下支持无理由退货。请在订单{order_no}页面点击“申请退货”，审核通过后按提示寄回即可。", "退货,七天无理由"),
        new(TicketCategories.ReturnsRefunds, AnswerLanguages.Chinese, "退款到账时间", "{customer_name}您好，退款已原路退回，支付宝和微信一般1-3个工作日到账，银行卡3-7个工作日到账，请您留意。", "退款,到账,时间"),
        new(TicketCategories.ReturnsRefunds, AnswerLanguages.Chinese, "换货流程", "{customer_name}您好，换货请在订单{order_no}中申请“换货”，寄回商品后我们收到即安排新品发出，来回运费由我们承担。", "换货,尺码,运费"),
        new(TicketCategories.ReturnsRefunds, AnswerLanguages.Chinese, "商品破损处理", "{customer_name}您好，很抱歉商品收到时有破损。请拍摄外包装和商品破损处的照片发给我，核实后为您补发或全额退款。", "破损,补发,退款,照片"),
        new(TicketCategories.ProductQuestion, AnswerLanguages.Chinese, "尺码选择建议", "{customer_name}您好，建议参考商品详情页的尺码表，按您的身高体重选择；如在两个尺码之间，建议选大一码。", "尺码,大小,推荐"),
        new(TicketCategories.ProductQuestion, AnswerLanguages.Chinese, "商品保修政策", "{customer_name}您好，本店电器类商品享受一年免费保修，保修期内非人为损坏可免费维修或更换，请保留好订单{order_no}的发票。", "保修,质量,维修,发票"),
        new(TicketCategories.ProductQuestion, AnswerLanguages.Chinese, "库存与补货", "{customer_name}您好，该商品暂时缺货，预计7天内补货。您可以点击“到货提醒”，补货后会第一时间通知您。", "缺货,补货,库存"),
        new(TicketCategories.Payment, AnswerLanguages.Chinese, "付款失败", "{customer_name}您好，付款失败通常是银行卡限额或网络原因，建议更换支付方式或稍后重试。订单会保留30分钟。", "付款,失败,支付"),
        new(TicketCategories.Payment, AnswerLanguages.Chinese, "开具发票", "{customer_name}您好，订单{order_no}确认收货后可在订单详情中申请电子发票，开票后会发送到您的邮箱。", "发票,开票,电子发票"),
        new(TicketCategories.Payment, AnswerLanguages.Chinese, "重复扣款", "{customer_name}您好，如出现重复扣款，多扣的款项会在1-3个工作日内自动退回。如未退回，请提供扣款截图，我们帮您核实（工单{ticket_no}）。", "重复扣款,退款,付款"),
        new(TicketCategories.Complaint, AnswerLanguages.Chinese, "投诉受理确认", "{customer_name}您好，您的投诉我们已经受理（工单{ticket_no}），主管会在24小时内联系您。给您带来的不便，我们深表歉意。", "投诉,受理,道歉"),
        new(TicketCategories.Complaint, AnswerLanguages.Chinese, "服务态度致歉", "{customer_name}您好，对于之前的服务体验我们非常抱歉，已将情况反馈给相关负责人整改，感谢您的监督。客服{agent_name}", "投诉,态度,道歉"),
        new(TicketCategories.Other, AnswerLanguages.Chinese, "问候与结束语", "{customer_name}您好，我是客服{agent_name}，很高兴为您服务。还有其他问题欢迎随时联系我们，祝您生活愉快！", "问候,结束语"),
        new(TicketCategories.Other, AnswerLanguages.Chinese, "会员积分说明", "{customer_name}您好，每消费1元可获得1积分，积分可在下单时抵扣现金，100积分抵1元，有效期为一年。", "会员,积分"),
        new(TicketCategories.Other, AnswerLanguages.Chinese, "客服工作时间", "{customer_name}您好，在线客服工作时间为每天9:00-22:00，非工作时间的留言我们会在次日上班后尽快回复。", "工作时间,营业时间"),
        new(TicketCategories.Shipping, AnswerLanguages.English, "Parcel tracking not updated", "Hi {customer_name}, your order {order_no} has left our warehouse. Courier tracking usually updates within 24 hours. If nothing changes within 48 hours, we will contact the courier for you.", "shipping,tracking,parcel,delivery"),
        new(TicketCategories.Shipping, AnswerLanguages.English, "Delivery delayed apology", "Hi {customer_name}, we are sorry your parcel is late. We have asked the courier to expedite order {order_no}; it should arrive within 1-2 days, and we will update you on any news.", "delay,late,delivery,courier"),
        new(TicketCategories.Shipping, AnswerLanguages.English, "Change delivery address", "Hi {customer_name}, as order {order_no} has not shipped yet, we can still change the address. Please send the new recipient, phone number and full address.", "address,change,delivery"),
        new(TicketCategories.Shipping, AnswerLanguages.English, "Marked delivered but not received", "Hi {customer_name}, please check with family, reception or the parcel locker first. If it is still missing, we will open a trace with the courier under {ticket_no} and reply within 24 hours.", "delivered,missing,parcel,courier"),
        new(TicketCategories.ReturnsRefunds, AnswerLanguages.English, "7-day return policy", "Hi {customer_name}, unused items can be returned within 7 days of delivery. Open order {order_no}, choose \"Return item\" and follow the steps once it is approved.", "return,refund,policy"),
        new(TicketCategories.ReturnsRefunds, AnswerLanguages.English, "Refund timing", "Hi {customer_name}, your refund has been issued to the original payment method. Alipay and WeChat Pay take 1-3 business days, bank cards 3-7 business days.", "refund,timing,payment"),
        new(TicketCategories.ReturnsRefunds, AnswerLanguages.English, "Damaged item", "Hi {customer_name}, we are sorry the item arrived damaged. Please send photos of the box and the damage, and we will send a replacement or a full refund.", "damaged,broken,replacement,refund"),
        new(TicketCategories.ProductQuestion, AnswerLanguages.English, "Size advice", "Hi {customer_name}, please check the size chart on the product page. If you are between two sizes, we recommend the larger one.", "size,fit,chart"),
        new(TicketCategories.ProductQuestion, AnswerLanguages.English, "Warranty", "Hi {customer_name}, electronics come with a one-year warranty covering defects that are not caused by misuse. Please keep the invoice of order {order_no}.", "warranty,repair,defect"),
        new(TicketCategories.ProductQuestion, AnswerLanguages.English, "Back in stock", "Hi {customer_name}, this item is out of stock and should be back within 7 days. Tap \"Notify me\" and we will let you know as soon as it is available.", "stock,restock,available"),
        new(TicketCategories.Payment, AnswerLanguages.English, "Payment failed", "Hi {customer_name}, failed payments are usually caused by a card limit or a network problem. Please try another payment method or try again later; your order is held for 30 minutes.", "payment,failed,card"),
        new(TicketCategories.Payment, AnswerLanguages.English, "Charged twice", "Hi {customer_name}, a duplicate charge is refunded automatically within 1-3 business days. If it is not, send us a screenshot and we will check it under {ticket_no}.", "charged,twice,duplicate,refund"),
        new(TicketCategories.Complaint, AnswerLanguages.English, "Complaint received", "Hi {customer_name}, we have registered your complaint as {ticket_no}. A supervisor will contact you within 24 hours. We apologise for the trouble.", "complaint,apology,supervisor"),
        new(TicketCategories.Other, AnswerLanguages.English, "Greeting and closing", "Hi {customer_name}, this is {agent_name} from customer service. If there is anything else, just reply to this message. Have a great day!", "greeting,closing"),
        new(TicketCategories.Other, AnswerLanguages.English, "Service hours", "Hi {customer_name}, our chat is open daily from 9:00 to 22:00 (China time). Messages left outside these hours are answered the next morning.", "hours,opening"),
    ];

    public int Order => 20;

    public string Name => "Answers";

    public async Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var answers = size == DemoSize.Minimal ? Minimal(now) : Full(now, random);
        db.StandardAnswers.AddRange(answers);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Twelve approved answers, unused: enough for the tests and the browser journey.</summary>
    private static List<StandardAnswer> Minimal(DateTime now)
    {
        string[] wanted = ["包裹物流未更新", "快递延误致歉", "七天无理由退货", "退款到账时间", "尺码选择建议", "付款失败", "投诉受理确认", "问候与结束语",
            "Parcel tracking not updated", "Refund timing", "Payment failed", "Greeting and closing"];
        return wanted.Select(title => Seeds.Single(s => s.Title == title)).Select(s => Make(s, s.Title, s.Body, AnswerStatus.Approved, now.AddDays(-30))).ToList();
    }

    /// <summary>Each answer four ways (chat, short, email, phone), 140 in all, with uses, proposals and retired ones.</summary>
    private static List<StandardAnswer> Full(DateTime now, Random random)
    {
        var answers = new List<StandardAnswer>();
        foreach (var seed in Seeds)
        {
            var chinese = seed.Language == AnswerLanguages.Chinese;
            var firstSentence = seed.Body.Split(chinese ? '。' : '.')[0] + (chinese ? "。" : ".");
            var variants = new (string Title, string Body)[]
            {
                (seed.Title, seed.Body),
                (seed.Title + (chinese ? "（简短）" : " (short)"), firstSentence),
                (seed.Title + (chinese ? "（邮件）" : " (email)"), chinese
                    ? $"尊敬的{{customer_name}}：\n\n{seed.Body.Replace("{customer_name}您好，", "", StringComparison.Ordinal)}\n\n此致\n客服 {{agent_name}}"
                    : $"Dear {{customer_name}},\n\n{seed.Body.Replace("Hi {customer_name}, ", "", StringComparison.Ordinal)}\n\nKind regards,\n{{agent_name}}, Customer Service"),
                (seed.Title + (chinese ? "（电话）" : " (phone)"), chinese
                    ? $"您好，我是客服{{agent_name}}。{seed.Body.Replace("{customer_name}您好，", "{customer_name}，", StringComparison.Ordinal)}"
                    : $"Hello, this is {{agent_name}} calling from customer service. {seed.Body.Replace("Hi {customer_name}, ", "{customer_name}, ", StringComparison.Ordinal)}"),
            };
            foreach (var (title, body) in variants)
            {
                var roll = random.Next(100);
                var status = roll < 6 ? AnswerStatus.Proposed : roll < 11 ? AnswerStatus.Retired : AnswerStatus.Approved;
                var answer = Make(seed, title, body, status, now.AddDays(-random.Next(10, 400)));
                if (status == AnswerStatus.Proposed)
                {
                    answer.ProposedBy = "agent@ecomops.local";
                }
                // About a third are never used; the chat versions are used most.
                if (status != AnswerStatus.Proposed && random.Next(3) != 0)
                {
                    answer.UsageCount = (title == seed.Title ? 40 : 4) + random.Next(title == seed.Title ? 400 : 60);
                    answer.LastUsedAtUtc = now.AddMinutes(-random.Next(5, 60 * 24 * 30));
                }
                answers.Add(answer);
            }
        }
        return answers;
    }

    private static StandardAnswer Make(Seed seed, string title, string body, AnswerStatus status, DateTime created) => new()
    {
        Title = title,
        Body = body,
        Category = seed.Category,
        Language = seed.Language,
        Tags = seed.Tags,
        Status = status,
        CreatedAtUtc = created,
        UpdatedAtUtc = created,
    };
}
