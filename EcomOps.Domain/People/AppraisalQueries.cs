using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.People;

public sealed record CycleRow(int Id, Team Team, AppraisalFrequency Frequency, DateOnly PeriodStart, DateOnly PeriodEnd, int People, int Closed,
    DateTime OpenedAtUtc, DateTime? ClosedAtUtc, long Version);

/// <summary>A person's appraisal as a list shows it. <see cref="Grade"/> is provisional until the appraisal closes (from the calibrated score).</summary>
public sealed record AppraisalRow(int Id, int CycleId, int EmployeeId, string EmployeeName, string EmployeeNumber, string Role, AppraisalStage Stage,
    double? KpiScore, double? Score, double Adjustment, double? FinalScore, string? Grade, decimal? BonusCoefficient, bool GradeIsFinal, DateOnly? DueOn,
    DateTime? AcknowledgedAtUtc, long Version);

/// <summary>How many of a cycle's people fall in each grade, and whether the top two grades hold more than the limit.</summary>
public sealed record GradeDistribution(IReadOnlyList<(GradeBand Band, int Count)> Grades, int Graded, bool TopHeavy, int MaxTopSharePercent);

public sealed record CycleView(CycleRow Cycle, AppraisalCycle Detail, IReadOnlyList<AppraisalRow> Rows, GradeDistribution? Distribution, bool MayLead);

/// <summary>One appraisal with its cycle and person, and the goals of the person's previous plan to follow up.</summary>
public sealed record AppraisalView(Appraisal Appraisal, AppraisalCycle Cycle, Employee Employee, IReadOnlyList<AppraisalGoal> PreviousGoals,
    IReadOnlyList<GradeBand> Bands, bool OwnsStep, bool IsEmployee, bool IsDirector);

public sealed record GoalRow(int GoalId, int AppraisalId, int EmployeeId, string EmployeeName, Team Team, string Goal, string Measure, DateOnly DueOn,
    int ProgressPercent, string? ProgressNote);

/// <summary>The appraisal lists: cycles, a cycle's people and grades, a person's history, the improvement plans due, the export.</summary>
public sealed class AppraisalQueries(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
{
    public async Task<Employee?> MeAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await TrainingDesk.MeAsync(db, actor, ct);
    }

    /// <summary>The cycles the actor takes part in or leads, newest period first.</summary>
    public async Task<IReadOnlyList<CycleRow>> CyclesAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await TrainingDesk.MeAsync(db, actor, ct);
        var rows = await db.Set<AppraisalCycle>().AsNoTracking()
            .Select(c => new
            {
                Row = new CycleRow(c.Id, c.Team, c.Frequency, c.PeriodStart, c.PeriodEnd, c.Appraisals.Count, c.Appraisals.Count(a => a.Stage == AppraisalStage.Closed),
                    c.OpenedAtUtc, c.ClosedAtUtc, c.Version),
                Mine = me != null && c.Appraisals.Any(a => a.EmployeeId == me.Id),
            })
            .ToListAsync(ct);
        return [.. rows.Where(r => r.Mine || AppraisalPolicy.MayOpen(actor, me, r.Row.Team)).Select(r => r.Row)
            .OrderByDescending(r => r.PeriodStart).ThenBy(r => r.Team).ThenBy(r => r.Frequency)];
    }

    /// <summary>A cycle as the actor may see it: all its people for its team's head and the director, only their own for anyone else.</summary>
    public async Task<CycleView?> CycleAsync(Actor actor, int cycleId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await TrainingDesk.MeAsync(db, actor, ct);
        var cycle = await db.Set<AppraisalCycle>().AsNoTracking().Include(c => c.Appraisals).ThenInclude(a => a.Employee)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null)
        {
            return null;
        }
        var leads = AppraisalPolicy.MayOpen(actor, me, cycle.Team);
        var visible = cycle.Appraisals.Where(a => leads || a.EmployeeId == me?.Id).ToList();
        if (visible.Count == 0 && !leads)
        {
            return null;
        }
        var grading = await GradingAsync(db, ct);
        var rows = visible.Select(a => RowOf(cycle, a, grading.Bands)).OrderBy(r => r.EmployeeName, StringComparer.Ordinal).ThenBy(r => r.EmployeeNumber, StringComparer.Ordinal).ToList();
        var row = new CycleRow(cycle.Id, cycle.Team, cycle.Frequency, cycle.PeriodStart, cycle.PeriodEnd, cycle.Appraisals.Count,
            cycle.Appraisals.Count(a => a.Stage == AppraisalStage.Closed), cycle.OpenedAtUtc, cycle.ClosedAtUtc, cycle.Version);
        return new CycleView(row, cycle, rows, leads ? Distribution(rows, grading) : null, leads);
    }

    public static GradeDistribution Distribution(IReadOnlyList<AppraisalRow> rows, AppraisalGrading grading)
    {
        var bands = grading.Bands;
        var grades = rows.Where(r => r.Grade is not null).Select(r => r.Grade!).ToList();
        return new GradeDistribution([.. bands.Select(b => (b, grades.Count(g => g == b.Grade)))], grades.Count,
            AppraisalRules.TopHeavy(grades, bands, grading.MaxTopSharePercent), grading.MaxTopSharePercent);
    }

    private static AppraisalRow RowOf(AppraisalCycle cycle, Appraisal a, IReadOnlyList<GradeBand> bands)
    {
        var final = a.Stage == AppraisalStage.Closed;
        // From the head's scoring on, the score and its calibration give a provisional grade for the distribution.
        var provisional = !final && a.Stage >= AppraisalStage.Calibration && a.Score is { } s ? AppraisalRules.Calibrated(s, a.CalibrationAdjustment) : (double?)null;
        var band = provisional is { } p ? AppraisalRules.GradeOf(p, bands) : null;
        // The KPI half alone, live until the appraisal closes: what the figures give before anyone scores.
        var kpi = AppraisalFigures.Score(cycle, a.Quantitative, []);
        return new AppraisalRow(a.Id, cycle.Id, a.EmployeeId, a.Employee!.FullName, a.Employee.EmployeeNumber, a.Employee.Role, a.Stage,
            a.Quantitative.Any(l => l.Points is not null) ? kpi.Total : null,
            a.Stage >= AppraisalStage.Calibration ? a.Score : null, a.CalibrationAdjustment, final ? a.FinalScore : provisional,
            final ? a.Grade : band?.Grade, final ? a.BonusCoefficient : band?.BonusCoefficient, final, cycle.DueOn(a.Stage), a.AcknowledgedAtUtc, a.Version);
    }

    /// <summary>One appraisal, or null when it does not exist or the actor may not see it (another agent's is refused the same way).</summary>
    public async Task<AppraisalView?> AppraisalAsync(Actor actor, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await TrainingDesk.MeAsync(db, actor, ct);
        var appraisal = await db.Set<Appraisal>().AsNoTracking().Include(a => a.Cycle).Include(a => a.Employee).Include(a => a.Goals).Include(a => a.Corrections)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (appraisal is null || !AppraisalPolicy.MaySee(actor, me, appraisal.Employee!))
        {
            return null;
        }
        var previous = await db.Set<AppraisalGoal>().AsNoTracking()
            .Where(g => g.Appraisal!.EmployeeId == appraisal.EmployeeId && g.AppraisalId != id && g.Appraisal.ClosedAtUtc != null
                && g.Appraisal.Cycle!.PeriodStart < appraisal.Cycle!.PeriodStart)
            .OrderByDescending(g => g.DueOn).Take(20).ToListAsync(ct);
        var grading = await GradingAsync(db, ct);
        return new AppraisalView(appraisal, appraisal.Cycle!, appraisal.Employee!, previous, grading.Bands,
            AppraisalPolicy.OwnsStep(actor, me, appraisal.Employee!, appraisal.Stage), me?.Id == appraisal.EmployeeId,
            AppraisalPolicy.IsDirector(actor));
    }

    /// <summary>A person's closed appraisals, newest first (the actor must be allowed to see the person).</summary>
    public async Task<IReadOnlyList<AppraisalRow>> HistoryAsync(Actor actor, int employeeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await TrainingDesk.MeAsync(db, actor, ct);
        var person = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == employeeId, ct);
        if (person is null || !AppraisalPolicy.MaySee(actor, me, person))
        {
            return [];
        }
        var bands = (await GradingAsync(db, ct)).Bands;
        var list = await db.Set<Appraisal>().AsNoTracking().Include(a => a.Cycle).Include(a => a.Employee)
            .Where(a => a.EmployeeId == employeeId && a.ClosedAtUtc != null).ToListAsync(ct);
        return [.. list.OrderByDescending(a => a.Cycle!.PeriodStart).Select(a => RowOf(a.Cycle!, a, bands))];
    }

    /// <summary>Goals of improvement plans not yet reached, due within <paramref name="days"/> days or overdue, of the people the actor may see.</summary>
    public async Task<IReadOnlyList<GoalRow>> PlansDueAsync(Actor actor, int days = 45, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await TrainingDesk.MeAsync(db, actor, ct);
        var until = time.Today.AddDays(days);
        var goals = await db.Set<AppraisalGoal>().AsNoTracking().Include(g => g.Appraisal).ThenInclude(a => a!.Employee)
            .Where(g => g.ProgressPercent < 100 && g.DueOn <= until).OrderBy(g => g.DueOn).ToListAsync(ct);
        return [.. goals.Where(g => AppraisalPolicy.MaySee(actor, me, g.Appraisal!.Employee!))
            .Select(g => new GoalRow(g.Id, g.AppraisalId, g.Appraisal!.EmployeeId, g.Appraisal.Employee!.FullName, g.Appraisal.Employee.Team, g.Goal, g.Measure,
                g.DueOn, g.ProgressPercent, g.ProgressNote))];
    }

    public async Task<AppraisalGrading> GradingAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await GradingAsync(db, ct);
    }

    public async Task<IReadOnlyList<AppraisalTemplate>> TemplatesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var templates = await db.Set<AppraisalTemplate>().AsNoTracking().ToListAsync(ct);
        return [.. Enum.GetValues<Team>().Select(team => templates.FirstOrDefault(t => t.Team == team)
            ?? new AppraisalTemplate { Team = team, Quantitative = AppraisalPolicy.DefaultQuantitative(team), Qualitative = AppraisalPolicy.DefaultQualitative })];
    }

    /// <summary>
    /// The cycle's workbook: the rows the actor sees on the cycle's page (an employee only their own), with the same
    /// scores, grades and coefficients; text through <see cref="ListWorkbook"/> (never a formula). Null when refused.
    /// </summary>
    public async Task<ListWorkbookFile?> ExportAsync(Actor actor, int cycleId, Func<string, string> text, CancellationToken ct = default)
    {
        var view = await CycleAsync(actor, cycleId, ct);
        if (view is null)
        {
            return null;
        }
        ListColumn<AppraisalRow> Column(string key, Func<AppraisalRow, ListCell> cell) => new(key, (row, _) => cell(row));
        var columns = new List<ListColumn<AppraisalRow>>
        {
            Column("Appraisal.Employee", r => ListCell.Of(r.EmployeeName)),
            Column("Appraisal.EmployeeNumber", r => ListCell.Of(r.EmployeeNumber)),
            new("Appraisal.Stage", (r, t) => ListCell.Of(t($"AppraisalStage.{r.Stage}"))),
            Column("Appraisal.KpiScore", r => ListCell.Of(r.KpiScore)),
            Column("Appraisal.Score", r => ListCell.Of(r.Score)),
            Column("Appraisal.Adjustment", r => ListCell.Of(r.Adjustment)),
            Column("Appraisal.FinalScore", r => ListCell.Of(r.FinalScore)),
            Column("Appraisal.Grade", r => ListCell.Of(r.Grade)),
            Column("Appraisal.Bonus", r => ListCell.Of(r.BonusCoefficient is { } b ? (double)b : null)),
            Column("Appraisal.Acknowledged", r => ListCell.At(r.AcknowledgedAtUtc)),
        };
        var title = $"{text($"Team.{view.Cycle.Team}")} {view.Cycle.PeriodStart:yyyy-MM-dd}";
        return ListWorkbook.Build(title, columns, view.Rows, text, time.Zone);
    }

    private static async Task<AppraisalGrading> GradingAsync(OpsDb db, CancellationToken ct) =>
        await db.Set<AppraisalGrading>().AsNoTracking().OrderBy(g => g.Id).FirstOrDefaultAsync(ct) ?? new AppraisalGrading { Bands = AppraisalRules.DefaultBands };
}
