using System.Text.Json;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.People;

/// <summary>The criteria lines are stored as JSON in their row: a template, a cycle's copy of it, an appraisal's scores.</summary>
internal static class AppraisalJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json, T fallback) => string.IsNullOrEmpty(json) ? fallback : JsonSerializer.Deserialize<T>(json, Options) ?? fallback;
}

/// <summary>A team's appraisal template (§7): quantitative KPIs of the metric catalogue and qualitative criteria, weights summing to 100%.</summary>
[LiveBoard(Boards.Appraisals)]
public sealed class AppraisalTemplate : IVersioned, IAudited
{
    public int Id { get; set; }
    public Team Team { get; set; }
    public string QuantitativeJson { get; set; } = "[]";
    public string QualitativeJson { get; set; } = "[]";
    public string? UpdatedByName { get; set; }
    public long Version { get; set; }

    public IReadOnlyList<QuantitativeCriterion> Quantitative
    {
        get => AppraisalJson.Read<List<QuantitativeCriterion>>(QuantitativeJson, []);
        set => QuantitativeJson = AppraisalJson.Write(value);
    }

    public IReadOnlyList<QualitativeCriterion> Qualitative
    {
        get => AppraisalJson.Read<List<QualitativeCriterion>>(QualitativeJson, []);
        set => QualitativeJson = AppraisalJson.Write(value);
    }
}

/// <summary>The grade bands and their bonus coefficients, and the forced-distribution limit: one row, set by the director.</summary>
[LiveBoard(Boards.Appraisals)]
public sealed class AppraisalGrading : IVersioned, IAudited
{
    public int Id { get; set; }
    public string BandsJson { get; set; } = "[]";
    public int MaxTopSharePercent { get; set; } = AppraisalRules.DefaultMaxTopSharePercent;
    public string? UpdatedByName { get; set; }
    public long Version { get; set; }

    public IReadOnlyList<GradeBand> Bands
    {
        get => AppraisalJson.Read<List<GradeBand>>(BandsJson, [.. AppraisalRules.DefaultBands]);
        set => BandsJson = AppraisalJson.Write(value);
    }
}

/// <summary>
/// One appraisal round of a team for a period, opened by the director or the team's head for the team's active members
/// of that day. It keeps a copy of the template as it stood then, and the deadline of each step.
/// </summary>
[LiveBoard(Boards.Appraisals)]
public sealed class AppraisalCycle : IVersioned, IAudited
{
    public int Id { get; set; }
    public Team Team { get; set; }
    public AppraisalFrequency Frequency { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public string QuantitativeJson { get; set; } = "[]";
    public string QualitativeJson { get; set; } = "[]";
    public DateOnly SelfDueOn { get; set; }
    public DateOnly ScoringDueOn { get; set; }
    public DateOnly CalibrationDueOn { get; set; }
    public DateOnly InterviewDueOn { get; set; }
    public string OpenedByName { get; set; } = "";
    public DateTime OpenedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public string? ClosedByName { get; set; }
    public List<Appraisal> Appraisals { get; set; } = [];
    public long Version { get; set; }

    public IReadOnlyList<QuantitativeCriterion> Quantitative => AppraisalJson.Read<List<QuantitativeCriterion>>(QuantitativeJson, []);

    public IReadOnlyList<QualitativeCriterion> Qualitative => AppraisalJson.Read<List<QualitativeCriterion>>(QualitativeJson, []);

    public bool IsClosed => ClosedAtUtc is not null;

    /// <summary>The deadline of the step an appraisal of this cycle waits for (none once closed).</summary>
    public DateOnly? DueOn(AppraisalStage stage) => stage switch
    {
        AppraisalStage.SelfAssessment => SelfDueOn,
        AppraisalStage.HeadScoring => ScoringDueOn,
        AppraisalStage.Calibration => CalibrationDueOn,
        AppraisalStage.Interview => InterviewDueOn,
        _ => null,
    };
}

/// <summary>A measured KPI of an appraisal: the figure, its points on the criterion's line, and the records behind it.</summary>
public sealed record QuantitativeLine(string MetricKey, double? Value, double? Points, int RecordTotal, IReadOnlyList<MetricRecordCopy> Records);

/// <summary>A record behind a figure, copied into the appraisal when it is frozen.</summary>
public sealed record MetricRecordCopy(string Reference, DateTime AtUtc, string Detail, string? Link);

/// <summary>A qualitative criterion of an appraisal: the employee's self-score, the head's score and comment.</summary>
public sealed record QualitativeLine(string Key, int? SelfScore, int? HeadScore, string? HeadComment);

/// <summary>
/// One person's appraisal in a cycle: the self-assessment, the head's scoring, the director's calibration, the
/// interview with its improvement plan, the grade and bonus coefficient, the employee's acknowledgement. The quantitative
/// part comes from the metric catalogue and is frozen at close (<see cref="QuantitativeFrozenAtUtc"/>).
/// </summary>
[LiveBoard(Boards.Appraisals)]
public sealed class Appraisal : IVersioned, IAudited
{
    public const int MaxTextLength = 2000;

    public int Id { get; set; }
    public int CycleId { get; set; }
    public AppraisalCycle? Cycle { get; set; }
    public int EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public AppraisalStage Stage { get; set; }

    public string QuantitativeJson { get; set; } = "[]";
    public DateTime? MeasuredAtUtc { get; set; }
    public DateTime? QuantitativeFrozenAtUtc { get; set; }
    public string QualitativeJson { get; set; } = "[]";

    public string? SelfComment { get; set; }
    public DateTime? SelfSubmittedAtUtc { get; set; }
    public string? HeadComment { get; set; }
    public string? ScoredByName { get; set; }
    public DateTime? ScoredAtUtc { get; set; }

    public double CalibrationAdjustment { get; set; }
    public string? CalibrationReason { get; set; }
    public string? CalibratedByName { get; set; }
    public DateTime? CalibratedAtUtc { get; set; }

    public string? Strengths { get; set; }
    public string? Weaknesses { get; set; }
    public string? EmployeeRemarks { get; set; }
    public string? InterviewedByName { get; set; }
    public DateTime? InterviewedAtUtc { get; set; }

    /// <summary>The weighted score of the criteria (before calibration and corrections), when last worked out.</summary>
    public double? Score { get; set; }

    public double? FinalScore { get; set; }
    public string? Grade { get; set; }
    public decimal? BonusCoefficient { get; set; }
    public DateTime? ClosedAtUtc { get; set; }

    public DateTime? AcknowledgedAtUtc { get; set; }
    public string? AcknowledgementComment { get; set; }

    public List<AppraisalGoal> Goals { get; set; } = [];
    public List<AppraisalCorrection> Corrections { get; set; } = [];
    public long Version { get; set; }

    public IReadOnlyList<QuantitativeLine> Quantitative
    {
        get => AppraisalJson.Read<List<QuantitativeLine>>(QuantitativeJson, []);
        set => QuantitativeJson = AppraisalJson.Write(value);
    }

    public IReadOnlyList<QualitativeLine> Qualitative
    {
        get => AppraisalJson.Read<List<QualitativeLine>>(QualitativeJson, []);
        set => QualitativeJson = AppraisalJson.Write(value);
    }
}

/// <summary>A goal of the improvement plan agreed at the interview: what, how it is measured, by when; its progress is followed in the next cycle.</summary>
[LiveBoard(Boards.Appraisals)]
public sealed class AppraisalGoal : IAudited
{
    public const int MaxLength = 500;

    public int Id { get; set; }
    public int AppraisalId { get; set; }
    public Appraisal? Appraisal { get; set; }
    public string Goal { get; set; } = "";
    public string Measure { get; set; } = "";
    public DateOnly DueOn { get; set; }

    /// <summary>How far the goal is reached (0–100%), updated by the head or the employee.</summary>
    public int ProgressPercent { get; set; }

    public string? ProgressNote { get; set; }
}

/// <summary>A correction of a closed appraisal's score: the points, why, by whom. The frozen figures stay as they were.</summary>
[LiveBoard(Boards.Appraisals)]
public sealed class AppraisalCorrection : IAudited
{
    public int Id { get; set; }
    public int AppraisalId { get; set; }
    public double Points { get; set; }
    public string Reason { get; set; } = "";
    public string ByName { get; set; } = "";
    public DateTime AtUtc { get; set; }
}

internal sealed class AppraisalConfiguration :
    IEntityTypeConfiguration<AppraisalTemplate>, IEntityTypeConfiguration<AppraisalGrading>, IEntityTypeConfiguration<AppraisalCycle>,
    IEntityTypeConfiguration<Appraisal>, IEntityTypeConfiguration<AppraisalGoal>, IEntityTypeConfiguration<AppraisalCorrection>
{
    public void Configure(EntityTypeBuilder<AppraisalTemplate> b)
    {
        b.Property(t => t.Team).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.UpdatedByName).HasMaxLength(256);
        b.HasIndex(t => t.Team).IsUnique();
        b.Ignore(t => t.Quantitative);
        b.Ignore(t => t.Qualitative);
        // A new console, with or without demo data, starts with a template per team that the director can change.
        b.HasData(Enum.GetValues<Team>().Select((team, i) => new AppraisalTemplate
        {
            Id = i + 1, Team = team, QuantitativeJson = AppraisalJson.Write(AppraisalPolicy.DefaultQuantitative(team)),
            QualitativeJson = AppraisalJson.Write(AppraisalPolicy.DefaultQualitative),
        }).ToArray());
    }

    public void Configure(EntityTypeBuilder<AppraisalGrading> b)
    {
        b.Property(g => g.UpdatedByName).HasMaxLength(256);
        b.Ignore(g => g.Bands);
        b.HasData(new AppraisalGrading { Id = 1, BandsJson = AppraisalJson.Write(AppraisalRules.DefaultBands) });
    }

    public void Configure(EntityTypeBuilder<AppraisalCycle> b)
    {
        b.Property(c => c.Team).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Frequency).HasConversion<string>().HasMaxLength(12);
        b.Property(c => c.OpenedByName).HasMaxLength(256);
        b.Property(c => c.ClosedByName).HasMaxLength(256);
        b.HasIndex(c => new { c.Team, c.Frequency, c.PeriodStart }).IsUnique();
        b.HasMany(c => c.Appraisals).WithOne(a => a.Cycle).HasForeignKey(a => a.CycleId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(c => c.Quantitative);
        b.Ignore(c => c.Qualitative);
        b.Ignore(c => c.IsClosed);
    }

    public void Configure(EntityTypeBuilder<Appraisal> b)
    {
        b.Property(a => a.Stage).HasConversion<string>().HasMaxLength(16);
        foreach (var text in new[] { nameof(Appraisal.SelfComment), nameof(Appraisal.HeadComment), nameof(Appraisal.CalibrationReason), nameof(Appraisal.Strengths),
                     nameof(Appraisal.Weaknesses), nameof(Appraisal.EmployeeRemarks), nameof(Appraisal.AcknowledgementComment) })
        {
            b.Property(text).HasMaxLength(Appraisal.MaxTextLength);
        }
        foreach (var name in new[] { nameof(Appraisal.ScoredByName), nameof(Appraisal.CalibratedByName), nameof(Appraisal.InterviewedByName) })
        {
            b.Property(name).HasMaxLength(256);
        }
        b.Property(a => a.Grade).HasMaxLength(20);
        b.Property(a => a.BonusCoefficient).HasPrecision(4, 2);
        b.HasIndex(a => new { a.CycleId, a.EmployeeId }).IsUnique();
        b.HasIndex(a => a.EmployeeId);
        b.HasOne(a => a.Employee).WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Goals).WithOne(g => g.Appraisal).HasForeignKey(g => g.AppraisalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Corrections).WithOne().HasForeignKey(c => c.AppraisalId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(a => a.Quantitative);
        b.Ignore(a => a.Qualitative);
    }

    public void Configure(EntityTypeBuilder<AppraisalGoal> b)
    {
        b.Property(g => g.Goal).HasMaxLength(AppraisalGoal.MaxLength);
        b.Property(g => g.Measure).HasMaxLength(AppraisalGoal.MaxLength);
        b.Property(g => g.ProgressNote).HasMaxLength(AppraisalGoal.MaxLength);
        b.HasIndex(g => g.DueOn);
    }

    public void Configure(EntityTypeBuilder<AppraisalCorrection> b)
    {
        b.Property(c => c.Reason).HasMaxLength(Appraisal.MaxTextLength);
        b.Property(c => c.ByName).HasMaxLength(256);
    }
}
