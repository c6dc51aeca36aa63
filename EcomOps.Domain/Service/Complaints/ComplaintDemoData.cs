using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service.Complaints;

/// <summary>About 150 complaint cases over the last 90 days, at every stage, some reopened; none for Minimal.</summary>
public sealed class ComplaintDemoData(ServiceSla sla, ComplaintSettings settings, TimeProvider clock) : IDemoDataArea
{
    private static readonly string[] Names = ["王芳", "李强", "张敏", "刘洋洋", "陈晨", "杨帆", "赵磊", "黄丽", "周杰", "吴婷", "Anna Müller", "John Smith"];
    private static readonly string[] Matters =
    [
        "收到的商品有破损", "发错了颜色", "快递一周没到", "包裹显示签收但没收到", "商品与详情页描述不符", "优惠券没有生效",
        "客服回复态度不好", "包装简陋导致漏液", "尺码与尺码表不一致", "赠品没有收到",
    ];
    private static readonly string[] Products = ["SKU-TEA-001", "SKU-MUG-014", "SKU-BAG-203", "SKU-SCARF-07", "保温杯 500ml", "蓝牙耳机 Pro"];

    public int Order => 30;

    public string Name => "Complaints";

    public async Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct)
    {
        if (size == DemoSize.Minimal)
        {
            return;
        }
        var people = await db.Employees.Where(e => e.Active).Select(e => e.Id).ToListAsync(ct);
        if (people.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = sla.Calendar;
        var stages = Enum.GetValues<ComplaintStage>();
        for (var i = 0; i < 150; i++)
        {
            var received = calendar.NextOpening(now.AddDays(-90 * (i + 1) / 151.0).AddMinutes(-random.Next(0, 600)));
            if (received > now)
            {
                received = now.AddMinutes(-30);
            }
            var c = new ComplaintCase
            {
                ComplainantName = Names[random.Next(Names.Length)],
                Contact = $"139{random.Next(10000000, 99999999)}",
                Channel = (TicketChannel)random.Next(4),
                Matter = Matters[random.Next(Matters.Length)],
                Product = Products[random.Next(Products.Length)],
                OrderReference = $"TB-{random.Next(100000000, 999999999)}",
                CreatedAtUtc = received,
            };
            ComplaintRules.Record(c, received, calendar, settings);
            // Recent cases are still early in the procedure, those of the last two weeks somewhere along it (a few with
            // measures overdue, as happens); older ones went through to the end, so the board shows no months-old cases.
            var age = (now - received).TotalDays;
            var target = age < 2 ? stages[random.Next(0, 3)] : age < 14 ? stages[random.Next(1, 5)] : ComplaintStage.Closed;
            var at = received;
            DateTime Step(double hours) => at = Min(at.AddHours(hours), now);
            if (target >= ComplaintStage.Investigating)
            {
                ComplaintRules.Respond(c, "已致电客户，致歉并说明处理流程。", Step(random.NextDouble() * 3));
            }
            if (target >= ComplaintStage.SolutionInProgress)
            {
                var form = new InvestigationForm((ComplaintRootCause)random.Next(10), (ComplaintDepartment)random.Next(6), people[random.Next(people.Count)], "核实物流记录与仓库出库记录。");
                ComplaintRules.Investigate(c, form, Step(4 + random.NextDouble() * 20));
                var rounds = target == ComplaintStage.Closed && random.Next(5) == 0 ? 2 : 1;
                for (var round = 1; round <= rounds; round++)
                {
                    var measures = 1 + random.Next(2);
                    for (var m = 0; m < measures; m++)
                    {
                        var deadline = at.AddHours(24 + random.Next(48));
                        ComplaintRules.AddMeasure(c, new MeasureForm(m == 0 ? "补发商品" : "退还差价", people[random.Next(people.Count)], deadline, "客户收到补发，问题解决"));
                    }
                    var finishRound = target > ComplaintStage.SolutionInProgress || round < rounds;
                    if (!finishRound)
                    {
                        break;
                    }
                    foreach (var measure in c.Round!.Measures.ToList())
                    {
                        ComplaintRules.CompleteMeasure(c, measure, "已完成", Step(6 + random.NextDouble() * 30), calendar, settings);
                    }
                    if (target == ComplaintStage.AwaitingFollowUp)
                    {
                        break;
                    }
                    var satisfied = round == rounds;
                    ComplaintRules.FollowUp(c, satisfied ? FollowUpVerdict.Satisfied : FollowUpVerdict.NotSatisfied, satisfied ? "客户表示满意" : "客户仍不满意，要求退款", Step(2 + random.NextDouble() * 20));
                }
                if (target == ComplaintStage.Closed && c.Stage == ComplaintStage.AwaitingFollowUp && c.Round?.Verdict == FollowUpVerdict.Satisfied)
                {
                    ComplaintRules.Close(c, Step(1));
                }
            }
            c.UpdatedAtUtc = at;
            db.ComplaintCases.Add(c);
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
