using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service.Feedback;

/// <summary>
/// Customers' feedback and suggestions as agents recorded them from the demo's tickets over the past weeks: every
/// category, older ones answered by the department's head, the newest waiting. None in the Minimal size (it has no tickets).
/// </summary>
public sealed class FeedbackDemoData(TimeProvider clock) : IDemoDataArea
{
    // After the tickets (35) and the referrals (36); writes no ticket, so the tickets come out the same without it.
    public int Order => 37;

    public string Name => "Customer feedback";

    private static readonly (FeedbackCategory Category, FeedbackKind Kind, string Text, string Response)[] Script =
    [
        (FeedbackCategory.Packaging, FeedbackKind.Feedback, "外箱比商品大很多，填充物太多，不环保。", "已调整该款的包装规格，下周起换小号纸箱。"),
        (FeedbackCategory.Packaging, FeedbackKind.Suggestion, "希望礼盒装能附一张空白贺卡。", "下月起礼盒装随附贺卡，已通知仓库备货。"),
        (FeedbackCategory.Delivery, FeedbackKind.Feedback, "快递员没打电话直接放驿站了。", "已向快递公司反馈，要求送货前电话联系。"),
        (FeedbackCategory.Delivery, FeedbackKind.Suggestion, "能不能选择顺丰，愿意补差价。", "正在评估顺丰到付选项，月底前答复。"),
        (FeedbackCategory.Product, FeedbackKind.Feedback, "尺码偏小一码，建议详情页说明。", "已在详情页尺码表加注“偏小一码”。"),
        (FeedbackCategory.Product, FeedbackKind.Suggestion, "希望出一个深蓝色。", "已记入下季选品清单。"),
        (FeedbackCategory.Price, FeedbackKind.Feedback, "活动结束第二天就降价了，感觉不公平。", "已说明价格保护规则，并为该客户补差价。"),
        (FeedbackCategory.Site, FeedbackKind.Feedback, "手机上详情页图片加载很慢。", "已压缩详情页图片，首屏加载时间减半。"),
        (FeedbackCategory.Site, FeedbackKind.Suggestion, "希望首页能按场景分类（通勤、运动）。", "已排入下次店铺装修。"),
        (FeedbackCategory.Service, FeedbackKind.Feedback, "客服回复很快，态度也好。", "已在周会上表扬当班客服。"),
        (FeedbackCategory.Service, FeedbackKind.Suggestion, "晚上十点以后也希望有人工客服。", "双十一期间延长人工客服到零点。"),
        (FeedbackCategory.Product, FeedbackKind.Feedback, "洗了一次就起球了。", ""),
        (FeedbackCategory.Packaging, FeedbackKind.Feedback, "塑料袋有异味。", ""),
        (FeedbackCategory.Delivery, FeedbackKind.Feedback, "显示已签收但没收到。", ""),
        (FeedbackCategory.Site, FeedbackKind.Suggestion, "评价区希望能按尺码筛选。", ""),
    ];

    public async Task SeedAsync(OpsDb db, DemoSize size, Random shared, CancellationToken ct)
    {
        // A sequence of its own: the areas after this one draw from the shared sequence exactly as they did before it existed.
        var random = new Random(DemoDataGenerator.Seed + Order);
        var count = size switch
        {
            DemoSize.Minimal => 0,
            DemoSize.Standard => 45,
            _ => 120,
        };
        if (count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.AssigneeId != null && t.CreatedAtUtc >= now.AddDays(-60))
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.CustomerName, t.CreatedAtUtc, t.AssigneeId }).ToListAsync(ct);
        var people = await db.Employees.AsNoTracking().Where(e => e.Active).ToListAsync(ct);
        if (tickets.Count == 0)
        {
            return;
        }
        for (var i = 0; i < count; i++)
        {
            var (category, kind, text, response) = Script[i % Script.Length];
            var ticket = tickets[random.Next(tickets.Count)];
            var agent = people.FirstOrDefault(e => e.Id == ticket.AssigneeId);
            var department = FeedbackRules.DepartmentOf(category);
            // Shortly after the ticket came in; what was recorded in the last three days still waits for the department.
            var recorded = ticket.CreatedAtUtc + TimeSpan.FromMinutes(20 + random.Next(240));
            if (recorded > now)
            {
                recorded = now.AddMinutes(-5);
            }
            var waiting = string.IsNullOrEmpty(response) || recorded > now.AddDays(-3);
            var head = people.FirstOrDefault(e => e.Team == department && e.Role != Roles.Admin && Referrals.ReferralRules.IsHeadRole(e.Role, department));
            db.Add(new CustomerFeedback
            {
                TicketId = ticket.Id, Kind = kind, Category = category, Department = department, Text = text, CustomerName = ticket.CustomerName,
                RecordedById = agent?.Id, RecordedByName = agent?.FullName ?? "客服", RecordedAtUtc = recorded,
                State = waiting || head is null ? FeedbackState.New : FeedbackState.Acknowledged,
                Response = waiting || head is null ? null : response,
                AcknowledgedByName = waiting || head is null ? null : head.FullName,
                AcknowledgedAtUtc = waiting || head is null ? null : recorded + (now - recorded) / 4,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
