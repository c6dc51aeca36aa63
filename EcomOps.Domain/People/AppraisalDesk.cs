using EcomOps.Domain.Analytics;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Notifications;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.People;

/// <summary>A 1–5 score of a qualitative criterion, with the head's comment on it.</summary>
public sealed record CriterionInput(string Key, int? Score, string? Comment = null);

/// <summary>A goal of the improvement plan as the head writes it at the interview.</summary>
public sealed record GoalInput(string? Goal, string? Measure, DateOnly? DueOn);

/// <summary>
/// Appraisal's operations (§7): templates and grade bands (the director), cycles (the director or the team's head), and
/// each appraisal's steps, each only by its owner — the employee's self-assessment, the head's scoring, the director's
/// calibration, the head's interview — then the employee's acknowledgement and the director's late corrections. Every
/// operation checks the actor, writes all or nothing, and refuses a stale edit.
/// </summary>
public sealed class AppraisalDesk(IDbContextFactory<OpsDb> dbFactory, AppraisalFigures figures, MetricCatalogue catalogue, CompanyTime time)
{
    public static string LinkOf(int appraisalId) => $"/people/appraisals/{appraisalId}";

    public Task<Outcome<int>> SaveTemplateAsync(Actor actor, Team team, long version, IReadOnlyList<QuantitativeCriterion> quantitative,
        IReadOnlyList<QualitativeCriterion> qualitative, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!AppraisalPolicy.IsDirector(actor))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            var errors = AppraisalRules.CheckTemplate(quantitative, qualitative);
            for (var i = 0; i < quantitative.Count; i++)
            {
                if (catalogue.Find(quantitative[i].MetricKey) is not { } metric || metric.Team != team)
                {
                    errors.Add(new FieldError($"Quantitative[{i}].MetricKey", AppraisalErrors.MetricNotOfTeam));
                }
            }
            if (errors.Count > 0)
            {
                return Outcome<int>.Invalid(errors);
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var template = await db.Set<AppraisalTemplate>().FirstOrDefaultAsync(t => t.Team == team, ct);
            if (template is null)
            {
                template = new AppraisalTemplate { Team = team };
                db.Add(template);
            }
            else if (template.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            else
            {
                db.Entry(template).Property(t => t.Version).OriginalValue = version;
            }
            template.Quantitative = [.. quantitative];
            template.Qualitative = [.. qualitative.Select(q => q with { NameEn = q.NameEn.Trim(), NameZh = q.NameZh.Trim() })];
            template.UpdatedByName = await NameAsync(db, actor, ct);
            return await SaveAsync(db, () => template.Id, ct);
        }, ct);

    public Task<Outcome<int>> SaveGradingAsync(Actor actor, long version, IReadOnlyList<GradeBand> bands, int maxTopSharePercent, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!AppraisalPolicy.IsDirector(actor))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            var errors = AppraisalRules.CheckBands(bands, maxTopSharePercent);
            if (errors.Count > 0)
            {
                return Outcome<int>.Invalid(errors);
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var grading = await db.Set<AppraisalGrading>().OrderBy(g => g.Id).FirstOrDefaultAsync(ct);
            if (grading is null)
            {
                grading = new AppraisalGrading();
                db.Add(grading);
            }
            else if (grading.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            else
            {
                db.Entry(grading).Property(g => g.Version).OriginalValue = version;
            }
            grading.Bands = [.. bands.Select(b => b with { Grade = b.Grade.Trim() })];
            grading.MaxTopSharePercent = maxTopSharePercent;
            grading.UpdatedByName = await NameAsync(db, actor, ct);
            return await SaveAsync(db, () => grading.Id, ct);
        }, ct);

    /// <summary>
    /// Opens a cycle of <paramref name="frequency"/> for the period holding <paramref name="day"/>: an appraisal for each
    /// of the team's appraised members today, with the template as it stands, the steps' deadlines from today, and the
    /// quantitative part filled from live data.
    /// </summary>
    public Task<Outcome<int>> OpenCycleAsync(Actor actor, Team team, AppraisalFrequency frequency, DateOnly day, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var me = await TrainingDesk.MeAsync(db, actor, ct);
            if (!AppraisalPolicy.MayOpen(actor, me, team))
            {
                return Outcome<int>.Invalid([actor.May(Permissions.ScoreAppraisals) ? new FieldError("Team", AppraisalErrors.NotYourTeam) : Actor.NotPermitted]);
            }
            var (first, last) = AppraisalRules.PeriodOf(frequency, day);
            var today = time.Today;
            var errors = new List<FieldError>();
            if (first > today)
            {
                errors.Add(new FieldError("Day", AppraisalErrors.PeriodNotStarted));
            }
            if (await db.Set<AppraisalCycle>().AnyAsync(c => c.Team == team && c.Frequency == frequency && c.PeriodStart == first, ct))
            {
                errors.Add(new FieldError("Day", AppraisalErrors.CycleExists));
            }
            var members = (await db.Employees.AsNoTracking().Where(e => e.Team == team && e.Active).ToListAsync(ct)).Where(AppraisalPolicy.IsAppraised).ToList();
            if (members.Count == 0)
            {
                errors.Add(new FieldError("Team", AppraisalErrors.NoMembers));
            }
            var template = await db.Set<AppraisalTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Team == team, ct);
            var quantitative = template?.Quantitative ?? AppraisalPolicy.DefaultQuantitative(team);
            var qualitative = template?.Qualitative ?? AppraisalPolicy.DefaultQualitative;
            if (errors.Count > 0)
            {
                return Outcome<int>.Invalid(errors);
            }
            var due = AppraisalPolicy.DefaultDueDays.Select(d => today.AddDays(d)).ToArray();
            var cycle = new AppraisalCycle
            {
                Team = team, Frequency = frequency, PeriodStart = first, PeriodEnd = last,
                QuantitativeJson = AppraisalJson.Write(quantitative), QualitativeJson = AppraisalJson.Write(qualitative),
                SelfDueOn = due[0], ScoringDueOn = due[1], CalibrationDueOn = due[2], InterviewDueOn = due[3],
                OpenedByName = me?.FullName ?? actor.Name, OpenedAtUtc = time.UtcNow,
            };
            var measured = await figures.MeasureAsync(cycle, [.. members.Select(m => m.Id)], ct);
            foreach (var person in members.OrderBy(m => m.FullName, StringComparer.Ordinal))
            {
                var appraisal = new Appraisal
                {
                    EmployeeId = person.Id, Stage = AppraisalStage.SelfAssessment, MeasuredAtUtc = time.UtcNow,
                    Quantitative = measured[person.Id],
                    Qualitative = [.. qualitative.Select(q => new QualitativeLine(q.Key, null, null, null))],
                };
                appraisal.Score = AppraisalFigures.Score(cycle, appraisal.Quantitative, appraisal.Qualitative).Total;
                cycle.Appraisals.Add(appraisal);
            }
            db.Add(cycle);
            await db.SaveChangesAsync(ct);
            await NotificationCentre.AddAsync(db, members.Where(m => m.UserId is not null).Select(m => new NotificationDraft(m.UserId!, NotificationKind.AppraisalStep,
                $"appraisal:{cycle.Appraisals.First(a => a.EmployeeId == m.Id).Id}:opened", "Notice.AppraisalOpened",
                [cycle.SelfDueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)], LinkOf(cycle.Appraisals.First(a => a.EmployeeId == m.Id).Id))), time.UtcNow, ct);
            await db.SaveChangesAsync(ct);
            return Outcome<int>.Done(cycle.Id);
        }, ct);

    /// <summary>Measures the open appraisals of a cycle again from live data (a frozen one keeps its figures).</summary>
    public Task<Outcome<int>> RefreshFiguresAsync(Actor actor, int cycleId, CancellationToken ct = default) =>
        LeadCycleAsync(actor, cycleId, async (db, me, cycle) =>
        {
            var open = cycle.Appraisals.Where(a => a.QuantitativeFrozenAtUtc is null).ToList();
            var measured = await figures.MeasureAsync(cycle, [.. open.Select(a => a.EmployeeId)], ct);
            foreach (var appraisal in open)
            {
                appraisal.Quantitative = measured[appraisal.EmployeeId];
                appraisal.MeasuredAtUtc = time.UtcNow;
                appraisal.Score = AppraisalFigures.Score(cycle, appraisal.Quantitative, appraisal.Qualitative).Total;
            }
            return await SaveAsync(db, () => cycle.Id, ct);
        }, ct);

    /// <summary>The employee's own view: a comment and a 1–5 self-score per qualitative criterion.</summary>
    public Task<Outcome<int>> SubmitSelfAssessmentAsync(Actor actor, int id, long version, string? comment, IReadOnlyList<CriterionInput> scores,
        CancellationToken ct = default) =>
        StepAsync(actor, id, version, AppraisalStage.SelfAssessment, (db, me, appraisal) =>
        {
            var errors = new List<FieldError>();
            CatalogRules.Optional(errors, "Comment", comment, Appraisal.MaxTextLength);
            var lines = ScoreLines(appraisal, scores, errors, "SelfScores", (line, input) => line with { SelfScore = input.Score });
            if (errors.Count > 0)
            {
                return Task.FromResult<List<FieldError>?>(errors);
            }
            appraisal.Qualitative = lines;
            appraisal.SelfComment = CatalogRules.Blank(comment);
            appraisal.SelfSubmittedAtUtc = time.UtcNow;
            return Task.FromResult<List<FieldError>?>(null);
        }, ct);

    /// <summary>The head's scoring: a 1–5 score and a comment per qualitative criterion, an overall comment; the figures are measured again.</summary>
    public Task<Outcome<int>> SubmitScoringAsync(Actor actor, int id, long version, string? comment, IReadOnlyList<CriterionInput> scores, CancellationToken ct = default) =>
        StepAsync(actor, id, version, AppraisalStage.HeadScoring, async (db, me, appraisal) =>
        {
            var errors = new List<FieldError>();
            CatalogRules.Optional(errors, "Comment", comment, Appraisal.MaxTextLength);
            foreach (var (input, i) in scores.Select((s, i) => (s, i)))
            {
                CatalogRules.Optional(errors, $"Scores[{i}].Comment", input.Comment, Appraisal.MaxTextLength);
            }
            var lines = ScoreLines(appraisal, scores, errors, "Scores", (line, input) => line with { HeadScore = input.Score, HeadComment = CatalogRules.Blank(input.Comment) });
            if (errors.Count > 0)
            {
                return errors;
            }
            var measured = await figures.MeasureAsync(appraisal.Cycle!, [appraisal.EmployeeId], ct);
            appraisal.Quantitative = measured[appraisal.EmployeeId];
            appraisal.MeasuredAtUtc = time.UtcNow;
            appraisal.Qualitative = lines;
            appraisal.HeadComment = CatalogRules.Blank(comment);
            appraisal.ScoredByName = me?.FullName ?? actor.Name;
            appraisal.ScoredAtUtc = time.UtcNow;
            appraisal.Score = AppraisalFigures.Score(appraisal.Cycle!, appraisal.Quantitative, lines).Total;
            return null;
        }, ct);

    /// <summary>The director's calibration: an adjustment of at most 20 points either way, with a reason when it moves the score.</summary>
    public Task<Outcome<int>> CalibrateAsync(Actor actor, int id, long version, double adjustment, string? reason, CancellationToken ct = default) =>
        StepAsync(actor, id, version, AppraisalStage.Calibration, async (db, me, appraisal) =>
        {
            var errors = AppraisalRules.CheckCalibration(adjustment, reason);
            CatalogRules.Optional(errors, "Reason", reason, Appraisal.MaxTextLength);
            if (errors.Count > 0)
            {
                return errors;
            }
            appraisal.CalibrationAdjustment = Math.Round(adjustment, 2);
            appraisal.CalibrationReason = CatalogRules.Blank(reason);
            appraisal.CalibratedByName = me?.FullName ?? actor.Name;
            appraisal.CalibratedAtUtc = time.UtcNow;
            await GradeAsync(db, appraisal, ct);
            return null;
        }, ct);

    /// <summary>
    /// The head's interview: strengths, weaknesses, the employee's remarks and the improvement plan's goals. It closes the
    /// appraisal: the figures are measured a last time and frozen with the records behind them, and the grade and bonus
    /// coefficient follow from the final score.
    /// </summary>
    public Task<Outcome<int>> RecordInterviewAsync(Actor actor, int id, long version, string? strengths, string? weaknesses, string? remarks,
        IReadOnlyList<GoalInput> goals, CancellationToken ct = default) =>
        StepAsync(actor, id, version, AppraisalStage.Interview, async (db, me, appraisal) =>
        {
            var errors = new List<FieldError>();
            CatalogRules.Required(errors, "Strengths", strengths, Appraisal.MaxTextLength);
            CatalogRules.Required(errors, "Weaknesses", weaknesses, Appraisal.MaxTextLength);
            CatalogRules.Optional(errors, "Remarks", remarks, Appraisal.MaxTextLength);
            var today = time.Today;
            for (var i = 0; i < goals.Count; i++)
            {
                CatalogRules.Required(errors, $"Goals[{i}].Goal", goals[i].Goal, AppraisalGoal.MaxLength);
                CatalogRules.Required(errors, $"Goals[{i}].Measure", goals[i].Measure, AppraisalGoal.MaxLength);
                if (goals[i].DueOn is not { } dueOn || dueOn <= today)
                {
                    errors.Add(new FieldError($"Goals[{i}].DueOn", AppraisalErrors.GoalDate));
                }
            }
            if (errors.Count > 0)
            {
                return errors;
            }
            appraisal.Strengths = strengths!.Trim();
            appraisal.Weaknesses = weaknesses!.Trim();
            appraisal.EmployeeRemarks = CatalogRules.Blank(remarks);
            appraisal.InterviewedByName = me?.FullName ?? actor.Name;
            appraisal.InterviewedAtUtc = time.UtcNow;
            appraisal.Goals.AddRange(goals.Select(g => new AppraisalGoal { Goal = g.Goal!.Trim(), Measure = g.Measure!.Trim(), DueOn = g.DueOn!.Value }));
            var measured = await figures.MeasureAsync(appraisal.Cycle!, [appraisal.EmployeeId], ct);
            appraisal.Quantitative = measured[appraisal.EmployeeId];
            appraisal.MeasuredAtUtc = time.UtcNow;
            appraisal.QuantitativeFrozenAtUtc = time.UtcNow;
            appraisal.ClosedAtUtc = time.UtcNow;
            appraisal.Score = AppraisalFigures.Score(appraisal.Cycle!, appraisal.Quantitative, appraisal.Qualitative).Total;
            await GradeAsync(db, appraisal, ct);
            if (appraisal.Employee!.UserId is { } employee)
            {
                await NotificationCentre.AddAsync(db, [new NotificationDraft(employee, NotificationKind.AppraisalStep, $"appraisal:{appraisal.Id}:closed",
                    "Notice.AppraisalClosed", [appraisal.Grade ?? ""], LinkOf(appraisal.Id))], time.UtcNow, ct);
            }
            return null;
        }, ct);

    /// <summary>Closes a cycle once every appraisal in it is closed.</summary>
    public Task<Outcome<int>> CloseCycleAsync(Actor actor, int cycleId, long version, CancellationToken ct = default) =>
        LeadCycleAsync(actor, cycleId, async (db, me, cycle) =>
        {
            if (cycle.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            if (cycle.IsClosed)
            {
                return Outcome<int>.Invalid([new FieldError("Cycle", AppraisalErrors.CycleClosed)]);
            }
            if (cycle.Appraisals.Any(a => a.Stage != AppraisalStage.Closed))
            {
                return Outcome<int>.Invalid([new FieldError("Cycle", AppraisalErrors.StepsOpen)]);
            }
            db.Entry(cycle).Property(c => c.Version).OriginalValue = version;
            cycle.ClosedAtUtc = time.UtcNow;
            cycle.ClosedByName = me?.FullName ?? actor.Name;
            return await SaveAsync(db, () => cycle.Id, ct);
        }, ct);

    /// <summary>The employee acknowledges their closed result, with a comment if they wish; once.</summary>
    public Task<Outcome<int>> AcknowledgeAsync(Actor actor, int id, long version, string? comment, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var me = await TrainingDesk.MeAsync(db, actor, ct);
            var appraisal = await db.Set<Appraisal>().FirstOrDefaultAsync(a => a.Id == id, ct);
            if (appraisal is null || actor.Roles is not null && appraisal.EmployeeId != me?.Id)
            {
                return appraisal is null ? Outcome<int>.NotFound() : Outcome<int>.Invalid([new FieldError("Appraisal", AppraisalErrors.NotYourStep)]);
            }
            var errors = new List<FieldError>();
            CatalogRules.Optional(errors, "Comment", comment, Appraisal.MaxTextLength);
            if (appraisal.Stage != AppraisalStage.Closed)
            {
                errors.Add(new FieldError("Appraisal", AppraisalErrors.NotClosed));
            }
            else if (appraisal.AcknowledgedAtUtc is not null)
            {
                errors.Add(new FieldError("Appraisal", AppraisalErrors.Acknowledged));
            }
            if (errors.Count > 0)
            {
                return Outcome<int>.Invalid(errors);
            }
            if (appraisal.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            db.Entry(appraisal).Property(a => a.Version).OriginalValue = version;
            appraisal.AcknowledgedAtUtc = time.UtcNow;
            appraisal.AcknowledgementComment = CatalogRules.Blank(comment);
            return await SaveAsync(db, () => appraisal.Id, ct);
        }, ct);

    /// <summary>
    /// A late correction of a closed appraisal by the director: points (at most 20 either way) and the reason, recorded
    /// beside the frozen figures, which stay as they were; the final score, grade and coefficient follow.
    /// </summary>
    public Task<Outcome<int>> CorrectAsync(Actor actor, int id, long version, double points, string? reason, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var me = await TrainingDesk.MeAsync(db, actor, ct);
            var appraisal = await db.Set<Appraisal>().Include(a => a.Corrections).Include(a => a.Employee).FirstOrDefaultAsync(a => a.Id == id, ct);
            if (appraisal is null)
            {
                return Outcome<int>.NotFound();
            }
            if (!AppraisalPolicy.IsDirector(actor) || me?.Id == appraisal.EmployeeId)
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            var errors = AppraisalRules.CheckCalibration(points, string.IsNullOrWhiteSpace(reason) ? null : reason);
            if (points == 0 || string.IsNullOrWhiteSpace(reason))
            {
                errors.Add(new FieldError("Reason", AppraisalErrors.ReasonNeeded));
            }
            CatalogRules.Optional(errors, "Reason", reason, Appraisal.MaxTextLength);
            if (appraisal.Stage != AppraisalStage.Closed)
            {
                errors.Add(new FieldError("Appraisal", AppraisalErrors.NotClosed));
            }
            if (errors.Count > 0)
            {
                return Outcome<int>.Invalid([.. errors.DistinctBy(e => (e.Field, e.Code))]);
            }
            if (appraisal.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            db.Entry(appraisal).Property(a => a.Version).OriginalValue = version;
            appraisal.Corrections.Add(new AppraisalCorrection { Points = Math.Round(points, 2), Reason = reason!.Trim(), ByName = me?.FullName ?? actor.Name, AtUtc = time.UtcNow });
            await GradeAsync(db, appraisal, ct);
            return await SaveAsync(db, () => appraisal.Id, ct);
        }, ct);

    /// <summary>Progress on a goal of the improvement plan (0–100%), by the employee or their head.</summary>
    public Task<Outcome<int>> UpdateGoalAsync(Actor actor, int goalId, int progressPercent, string? note, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var me = await TrainingDesk.MeAsync(db, actor, ct);
            var goal = await db.Set<AppraisalGoal>().Include(g => g.Appraisal).ThenInclude(a => a!.Employee).FirstOrDefaultAsync(g => g.Id == goalId, ct);
            if (goal is null)
            {
                return Outcome<int>.NotFound();
            }
            var person = goal.Appraisal!.Employee!;
            if (!AppraisalPolicy.MaySee(actor, me, person))
            {
                return Outcome<int>.NotFound();
            }
            var errors = new List<FieldError>();
            if (progressPercent is < 0 or > 100)
            {
                errors.Add(new FieldError("Progress", AppraisalErrors.ProgressRange));
            }
            CatalogRules.Optional(errors, "Note", note, AppraisalGoal.MaxLength);
            if (errors.Count > 0)
            {
                return Outcome<int>.Invalid(errors);
            }
            goal.ProgressPercent = progressPercent;
            goal.ProgressNote = CatalogRules.Blank(note);
            return await SaveAsync(db, () => goal.Id, ct);
        }, ct);

    /// <summary>An operation on a whole cycle, by the director or the cycle's team head.</summary>
    private Task<Outcome<int>> LeadCycleAsync(Actor actor, int cycleId, Func<OpsDb, Employee?, AppraisalCycle, Task<Outcome<int>>> operation, CancellationToken ct) =>
        WriteRetry.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var me = await TrainingDesk.MeAsync(db, actor, ct);
            var cycle = await db.Set<AppraisalCycle>().Include(c => c.Appraisals).FirstOrDefaultAsync(c => c.Id == cycleId, ct);
            if (cycle is null)
            {
                return Outcome<int>.NotFound();
            }
            if (!AppraisalPolicy.MayOpen(actor, me, cycle.Team))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            return await operation(db, me, cycle);
        }, ct);

    /// <summary>The final score, grade and bonus coefficient from the score, the calibration and any corrections, under today's bands.</summary>
    private static async Task GradeAsync(OpsDb db, Appraisal appraisal, CancellationToken ct)
    {
        var grading = await db.Set<AppraisalGrading>().AsNoTracking().OrderBy(g => g.Id).FirstOrDefaultAsync(ct);
        var bands = grading?.Bands ?? AppraisalRules.DefaultBands;
        var corrected = appraisal.CalibrationAdjustment + appraisal.Corrections.Sum(c => c.Points);
        appraisal.FinalScore = AppraisalRules.Calibrated(appraisal.Score ?? 0, corrected);
        var band = AppraisalRules.GradeOf(appraisal.FinalScore.Value, bands);
        appraisal.Grade = band.Grade;
        appraisal.BonusCoefficient = band.BonusCoefficient;
    }

    /// <summary>The step the appraisal waits for, done by its owner from the version they saw; it then moves to the next step.</summary>
    private Task<Outcome<int>> StepAsync(Actor actor, int id, long version, AppraisalStage stage, Func<OpsDb, Employee?, Appraisal, Task<List<FieldError>?>> step,
        CancellationToken ct) =>
        WriteRetry.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var me = await TrainingDesk.MeAsync(db, actor, ct);
            var appraisal = await db.Set<Appraisal>().Include(a => a.Cycle).Include(a => a.Employee).Include(a => a.Goals).Include(a => a.Corrections)
                .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);
            if (appraisal is null || !AppraisalPolicy.MaySee(actor, me, appraisal.Employee!) && !AppraisalPolicy.OwnsStep(actor, me, appraisal.Employee!, stage))
            {
                return Outcome<int>.NotFound();
            }
            if (!AppraisalPolicy.OwnsStep(actor, me, appraisal.Employee!, stage))
            {
                return Outcome<int>.Invalid([new FieldError("Appraisal", AppraisalErrors.NotYourStep)]);
            }
            if (appraisal.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            if (appraisal.Stage != stage)
            {
                return Outcome<int>.Invalid([new FieldError("Appraisal", AppraisalErrors.WrongStage)]);
            }
            if (await step(db, me, appraisal) is { Count: > 0 } errors)
            {
                return Outcome<int>.Invalid(errors);
            }
            db.Entry(appraisal).Property(a => a.Version).OriginalValue = version;
            appraisal.Stage = AppraisalRules.Next(stage);
            return await SaveAsync(db, () => appraisal.Id, ct);
        }, ct);

    /// <summary>The qualitative lines with the inputs applied: every criterion of the cycle scored 1–5, none unknown.</summary>
    private static List<QualitativeLine> ScoreLines(Appraisal appraisal, IReadOnlyList<CriterionInput> inputs, List<FieldError> errors, string field,
        Func<QualitativeLine, CriterionInput, QualitativeLine> apply)
    {
        var lines = appraisal.Qualitative.ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var input = inputs.FirstOrDefault(s => s.Key == lines[i].Key) ?? new CriterionInput(lines[i].Key, null);
            if (AppraisalRules.CheckScale($"{field}[{i}]", input.Score) is { } error)
            {
                errors.Add(error);
                continue;
            }
            lines[i] = apply(lines[i], input);
        }
        return lines;
    }

    private static async Task<string> NameAsync(OpsDb db, Actor actor, CancellationToken ct) => (await TrainingDesk.MeAsync(db, actor, ct))?.FullName ?? actor.Name;

    private static async Task<Outcome<int>> SaveAsync(OpsDb db, Func<int> id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<int>.Conflict();
        }
        return Outcome<int>.Done(id());
    }
}
