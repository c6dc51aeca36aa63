using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Analytics.Optimisation;

/// <summary>The optimisation rules. The UI names each <c>Optimise.Rule.{Name}</c> and its formula <c>Optimise.Formula.{Name}</c>.</summary>
public enum OptimisationRule
{
    /// <summary>A listing converting well below the rest of its category for two weeks.</summary>
    LowConversion,

    /// <summary>A listing with visitors but no stock to sell.</summary>
    NoStock,

    /// <summary>A product whose complaints of one root cause rise against the period before.</summary>
    ComplaintRise,

    /// <summary>Customers at risk that no running or planned campaign addresses.</summary>
    UncoveredSegment,

    /// <summary>The month's revenue so far plus the stored forecast for its rest falls short of the month's target.</summary>
    ForecastShortfall,

    /// <summary>A channel's paid traffic brings less margin than it costs (its return on ad spend is below break-even).</summary>
    PaidTrafficLoss,
}

/// <summary>Where a finding is on the board: found, turned into work, the work done and its effect awaited, closed.</summary>
public enum FindingState
{
    New,
    InProgress,
    Measuring,
    Closed,
}

/// <summary>What a finding was turned into.</summary>
public enum FindingWork
{
    DesignRequest,
    CampaignDraft,

    /// <summary>A task carried on the card itself (a replenishment, a process change, a revenue plan), marked done by its owner.</summary>
    Task,
}

public enum FindingOutcome
{
    Improved,
    NoChange,
    Worse,

    /// <summary>The condition cleared before anyone acted on it.</summary>
    ResolvedByItself,
}

/// <summary>
/// One opportunity a rule found on one subject (a listing, a product and cause, a segment, a month), with the evidence that
/// made it fire, the work it became, and the measured effect of that work. At most one finding per rule and subject is
/// open at a time, so a scan that runs twice finds the same card.
/// </summary>
[LiveBoard(Boards.Optimisation)]
public sealed class OptimisationFinding : IVersioned, IAudited
{
    public const int MaxSubjectLength = 200;

    public int Id { get; set; }
    public OptimisationRule Rule { get; set; }

    /// <summary>What the finding is about, as a stable key: <c>listing:12</c>, <c>complaint:{product}|{cause}</c>, <c>segment:AtRisk</c>, <c>month:2026-12</c>, <c>paid:Douyin</c>.</summary>
    public required string SubjectKey { get; set; }

    /// <summary>The subject in words (the listing's title, the product and cause …), as it was when found.</summary>
    public required string SubjectName { get; set; }
    public int? ListingId { get; set; }
    public FindingState State { get; set; }
    public DateOnly FoundOn { get; set; }
    public DateOnly LastSeenOn { get; set; }

    /// <summary>The days the evidence covers (inclusive, company-local).</summary>
    public DateOnly WindowFrom { get; set; }
    public DateOnly WindowTo { get; set; }

    /// <summary>The rule's figure for the subject (a conversion, visitors, complaints, customers, yuan).</summary>
    public double Value { get; set; }

    /// <summary>What <see cref="Value"/> is set against (the category's conversion, the previous period, the target …).</summary>
    public double Reference { get; set; }

    /// <summary>The volume behind the figure (visitors, cases, customers), so a reader sees it was not noise.</summary>
    public long Volume { get; set; }

    /// <summary>The daily figures the card's chart draws, comma-separated, invariant culture.</summary>
    public string Series { get; set; } = "";

    /// <summary>The reference's daily figures for the same days (the category's conversion), when there is one.</summary>
    public string ReferenceSeries { get; set; } = "";

    public FindingWork? Work { get; set; }
    public int? WorkId { get; set; }
    public string? OwnerUserId { get; set; }
    public string? OwnerName { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateTime? ActedAtUtc { get; set; }

    /// <summary>The company-local day the work was done (delivered, campaign ended, task marked done).</summary>
    public DateOnly? WorkDoneOn { get; set; }

    /// <summary>The day the effect is measured: the work's day plus the effect window.</summary>
    public DateOnly? MeasureOn { get; set; }

    public FindingOutcome? Outcome { get; set; }

    /// <summary>The subject's figure over the window after the work (the reference's in <see cref="ReferenceAfter"/>).</summary>
    public double? ValueAfter { get; set; }
    public double? ReferenceAfter { get; set; }

    /// <summary>The measured effect: the subject's change minus the reference's over the same days (conversion: in points).</summary>
    public double? Effect { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public long Version { get; set; }

    public string Number => $"F{Id:D5}";
}

/// <summary>A rule threshold changed from its default. Thresholds not stored have their default.</summary>
public sealed class OptimisationSetting : IVersioned, IAudited
{
    public required string Key { get; set; }
    public double Value { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public long Version { get; set; }
}

internal sealed class OptimisationFindingConfiguration : IEntityTypeConfiguration<OptimisationFinding>
{
    public void Configure(EntityTypeBuilder<OptimisationFinding> b)
    {
        b.Ignore(x => x.Number);
        b.Property(x => x.Rule).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Work).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SubjectKey).HasMaxLength(260);
        b.Property(x => x.SubjectName).HasMaxLength(OptimisationFinding.MaxSubjectLength);
        b.Property(x => x.Series).HasMaxLength(2000);
        b.Property(x => x.ReferenceSeries).HasMaxLength(2000);
        b.Property(x => x.OwnerUserId).HasMaxLength(450);
        b.Property(x => x.OwnerName).HasMaxLength(256);
        // One open finding per rule and subject: a second scan updates it instead of adding another.
        b.HasIndex(x => new { x.Rule, x.SubjectKey }).IsUnique().HasFilter("\"State\" <> 'Closed'");
        b.HasIndex(x => x.State);
    }
}

internal sealed class OptimisationSettingConfiguration : IEntityTypeConfiguration<OptimisationSetting>
{
    public void Configure(EntityTypeBuilder<OptimisationSetting> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(60);
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}
