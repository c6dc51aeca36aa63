using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service.Referrals;

/// <summary>
/// A few referrals on the demo's open tickets, as a working day leaves them: questions waiting for operations and design
/// (one of them overdue and escalated), and answers already returned to their tickets.
/// </summary>
public sealed class ReferralDemoData(TimeProvider clock) : IDemoDataArea
{
    // After the tickets (35) and complaints.
    public int Order => 36;

    public string Name => "Referrals";

    private static readonly (Team Department, string Question, double DueHours, string? Answer)[] Script =
    [
        (Team.Operations, "客户问灰色款下周能否补货，能给一个到货日期吗？", 3, null),
        (Team.Operations, "客户要求开具增值税专用发票，抬头和税号已在工单里，能开吗？多久？", 0.5, null),
        (Team.Design, "客户说详情页的尺码表和实物不一致，能确认一下是哪一版吗？", -1.5, null),
        (Team.Operations, "客户想把收货地址从上海改到杭州，订单还没发货，仓库能改吗？", -20, "已在仓库系统改好地址，今天下午发出。"),
        (Team.Design, "客户问主图里的颜色是否有色差？", -30, "主图按实物拍摄，屏幕显示会有轻微色差，实物偏暖一点。"),
    ];

    public async Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct)
    {
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.MergedIntoId == null && t.Status != TicketStatus.Closed && t.AssigneeId != null)
            .OrderByDescending(t => t.CreatedAtUtc).Take(Script.Length)
            .Select(t => new { t.Id, t.AssigneeId, LastAtUtc = t.Entries.Max(e => e.AtUtc) }).ToListAsync(ct);
        var people = await db.Employees.AsNoTracking().Where(e => e.Active).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < Math.Min(tickets.Count, Script.Length); i++)
        {
            var (department, question, dueHours, answer) = Script[i];
            var agent = people.FirstOrDefault(e => e.Id == tickets[i].AssigneeId);
            // An answered referral was made after the ticket's last message and answered within the hour; an open one counts down from now.
            var created = answer is null ? now.AddHours(dueHours - 4) : tickets[i].LastAtUtc + (now - tickets[i].LastAtUtc) / 3;
            var due = answer is null ? now.AddHours(dueHours) : created.AddHours(4);
            // A specialist or designer answers; the admin runs the console and answers nobody's questions.
            var answerer = people.FirstOrDefault(e => e.Team == department && e.Role != Roles.Admin && !ReferralRules.IsHeadRole(e.Role, department))
                ?? people.FirstOrDefault(e => e.Team == department && e.Role != Roles.Admin);
            var referral = new TicketReferral
            {
                TicketId = tickets[i].Id, Department = department, Question = question, DueUtc = due, CreatedAtUtc = created,
                ReferredById = agent?.Id, ReferredByName = agent?.FullName ?? "客服", State = answer is null ? ReferralState.Open : ReferralState.Answered,
                EscalatedAtUtc = answer is null && due < now ? due.AddMinutes(5) : null,
            };
            if (answer is not null && answerer is not null)
            {
                (referral.Answer, referral.AnsweredByName, referral.AnsweredAtUtc) = (answer, answerer.FullName, created + (now - created) / 2);
            }
            db.Add(referral);
            await db.SaveChangesAsync(ct);
            if (referral.Answer is not null)
            {
                db.Add(new TicketEntry
                {
                    TicketId = referral.TicketId, Kind = ThreadEntryKind.InternalNote, Body = $"{referral.Number} · {referral.Answer}", AuthorName = referral.AnsweredByName!,
                    AuthorEmployeeId = answerer!.Id, AtUtc = referral.AnsweredAtUtc!.Value,
                });
                await db.SaveChangesAsync(ct);
            }
        }
    }
}
