using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.People;

/// <summary>
/// For each team, the two last complete quarters as closed quarterly cycles (self-assessments, scores, a calibration or
/// two, interviews with improvement plans, grades, most results acknowledged) and this month's monthly cycle open, some
/// people past their self-assessment. Everything goes through <see cref="AppraisalDesk"/>, so the quantitative half is
/// the demo KPIs of the period, and the qualitative scores lean the same way as each person's figures.
/// </summary>
public sealed class AppraisalDemoData(AppraisalDesk desk, CompanyTime time) : IDemoDataArea
{
    public int Order => 92;

    public string Name => "appraisals";

    private static readonly Actor Demo = new(null, "demo-data");

    public Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct) => SeedAsync(db, new DemoRun(size, random, false), ct);

    public async Task SeedAsync(OpsDb db, DemoRun run, CancellationToken ct)
    {
        if (!await db.Employees.AnyAsync(ct))
        {
            return;
        }
        // Nothing the figures read changes while the cycles are walked: each cycle is measured once, not at every step.
        using var remember = AppraisalFigures.RememberMeasurements();
        var random = new Random(DemoDataGenerator.Seed + 47);
        var today = time.Today;
        var thisQuarter = AppraisalRules.PeriodOf(AppraisalFrequency.Quarterly, today).First;
        foreach (var team in Enum.GetValues<Team>())
        {
            foreach (var quarter in new[] { thisQuarter.AddMonths(-6), thisQuarter.AddMonths(-3) })
            {
                var opened = await desk.OpenCycleAsync(Demo, team, AppraisalFrequency.Quarterly, quarter, ct);
                if (!opened.Succeeded)
                {
                    continue;
                }
                await WalkAsync(db, opened.Value, random, AppraisalStage.Closed, ct);
                var cycle = await db.Set<AppraisalCycle>().AsNoTracking().FirstAsync(c => c.Id == opened.Value, ct);
                await desk.CloseCycleAsync(Demo, cycle.Id, cycle.Version, ct);
            }
            var month = await desk.OpenCycleAsync(Demo, team, AppraisalFrequency.Monthly, today, ct);
            if (month.Succeeded)
            {
                await WalkAsync(db, month.Value, random, AppraisalStage.SelfAssessment, ct);
            }
        }
    }

    /// <summary>Takes each appraisal of the cycle through its steps; an open cycle has about half its people past their self-assessment.</summary>
    private async Task WalkAsync(OpsDb db, int cycleId, Random random, AppraisalStage upTo, CancellationToken ct)
    {
        var ids = await db.Set<Appraisal>().AsNoTracking().Where(a => a.CycleId == cycleId).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            if (upTo != AppraisalStage.Closed && random.Next(2) == 0)
            {
                continue;
            }
            var a = await LoadAsync(db, id, ct);
            // The person's figures set the tone: 0–100 points on the KPIs, 1–5 on the scale.
            var lean = a.Score is { } s ? Math.Clamp((int)Math.Round(1 + s / 25), 1, 5) : 3;
            int Near() => Math.Clamp(lean + random.Next(-1, 2), 1, 5);
            var self = a.Qualitative.Select(q => new CriterionInput(q.Key, Math.Clamp(Near() + random.Next(0, 2), 1, 5))).ToList();
            await desk.SubmitSelfAssessmentAsync(Demo, id, a.Version, SelfComments[random.Next(SelfComments.Length)], self, ct);
            if (upTo != AppraisalStage.Closed)
            {
                continue;
            }
            a = await LoadAsync(db, id, ct);
            var head = a.Qualitative.Select(q => new CriterionInput(q.Key, Near(), HeadComments[random.Next(HeadComments.Length)])).ToList();
            await desk.SubmitScoringAsync(Demo, id, a.Version, "本期整体表现与数据一致。Overall in line with the figures.", head, ct);
            a = await LoadAsync(db, id, ct);
            var adjust = random.Next(6) == 0 ? (random.Next(2) == 0 ? 3 : -3) : 0;
            await desk.CalibrateAsync(Demo, id, a.Version, adjust, adjust == 0 ? null : "与团队整体分布校准 · Calibrated against the team's distribution", ct);
            a = await LoadAsync(db, id, ct);
            var weakest = a.Quantitative.Where(l => l.Points is not null).OrderBy(l => l.Points).FirstOrDefault()?.MetricKey ?? "teamwork";
            await desk.RecordInterviewAsync(Demo, id, a.Version,
                "数据扎实，配合积极 · Solid figures and a willing team player",
                $"需提升：{weakest} · To improve: {weakest}",
                random.Next(3) == 0 ? "希望多参加培训 · Would like more training" : null,
                [new GoalInput($"提升 {weakest} · Raise {weakest}", "下一周期达到模板目标值 · Reach the template's target next cycle", time.Today.AddDays(30 + random.Next(60)))], ct);
            if (random.Next(4) != 0)
            {
                a = await LoadAsync(db, id, ct);
                await desk.AcknowledgeAsync(Demo, id, a.Version, random.Next(3) == 0 ? "已知悉，会按计划改进 · Noted, I will follow the plan" : null, ct);
            }
        }
    }

    private static async Task<Appraisal> LoadAsync(OpsDb db, int id, CancellationToken ct) =>
        await db.Set<Appraisal>().AsNoTracking().FirstAsync(a => a.Id == id, ct);

    private static readonly string[] SelfComments =
    [
        "本期按时完成了主要工作。I finished my main work on time.",
        "大促期间工作量大，仍保持了质量。Kept quality through the sales peak.",
        "与同事配合顺畅，也尝试了新方法。Worked well with the team and tried new ways.",
    ];

    private static readonly string[] HeadComments =
    [
        "表现稳定 · Steady",
        "有明显进步 · Clear progress",
        "仍需加强 · Needs more work",
        "值得肯定 · Well done",
    ];
}
