using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Catalog.Compliance;

public enum AuditTrigger
{
    Scheduled,
    OnDemand,
}

/// <summary>
/// One periodic compliance audit (定期审核) over every live or paused listing. There is at most one run per period
/// (<see cref="PeriodKey"/>, the ISO week in the company zone): a second trigger in the same period gets this run back.
/// </summary>
public sealed class AuditRun
{
    public const int MaxPeriodKeyLength = 10;

    public int Id { get; set; }

    /// <summary>The ISO week in the company zone the run belongs to, e.g. <c>2026-W48</c>.</summary>
    public required string PeriodKey { get; set; }

    public AuditTrigger Trigger { get; set; }
    public string? ByUserId { get; set; }
    public required string ByName { get; set; }
    public DateTime StartedAtUtc { get; set; }

    /// <summary>Null while the run is under way (or was cut off by a restart: the next trigger finishes it).</summary>
    public DateTime? FinishedAtUtc { get; set; }

    public int ListingsChecked { get; set; }

    /// <summary>Listings with no finding once the run had checked them.</summary>
    public int ListingsPassed { get; set; }
    public int FindingsOpened { get; set; }
    public int FindingsClosed { get; set; }

    /// <summary>Findings open after the run, older ones included.</summary>
    public int FindingsStillOpen { get; set; }
    public int ListingsPaused { get; set; }

    public bool Finished => FinishedAtUtc is not null;

    /// <summary>The share of checked listings that passed, 0–1; null when nothing was checked.</summary>
    public double? PassRate => ListingsChecked == 0 ? null : (double)ListingsPassed / ListingsChecked;
}

/// <summary>
/// A run's counts per channel and owner: the source of pass rate per owner and per channel (the KPI sheets). The
/// owner of a listing that passed is the person its findings would have gone to.
/// </summary>
public sealed class AuditTally
{
    public int RunId { get; set; }
    public int ChannelId { get; set; }

    /// <summary>0 when nobody could be named (no active operations employee).</summary>
    public int OwnerEmployeeId { get; set; }
    public int Checked { get; set; }
    public int Passed { get; set; }
}

/// <summary>
/// One problem the audit found on a listing, kept while the problem stays: the next check that no longer reports its
/// <see cref="Key"/> closes it. Owned by the listing's last editor (an active operations employee), else by the
/// operations manager; due <see cref="AuditRuleSettings.DeadlineDays"/> after it was opened.
/// </summary>
public sealed class ListingFinding
{
    public const int MaxKeyLength = 200;
    public const int MaxArgumentsLength = 1_000;

    public long Id { get; set; }
    public int ListingId { get; set; }
    public int ChannelId { get; set; }
    public ListingRuleKind Rule { get; set; }
    public required string Field { get; set; }
    public string? Item { get; set; }

    /// <summary><see cref="ComplianceFinding.Key"/>: what stays the same while the problem stays.</summary>
    public required string Key { get; set; }
    public required string MessageKey { get; set; }

    /// <summary>The message's arguments as a JSON array of strings (invariant culture; money in fen).</summary>
    public required string Arguments { get; set; }
    public FindingSeverity Severity { get; set; }

    /// <summary>Where the offending text stood in the field's text (for a selling point: in its line) when last checked.</summary>
    public int? HighlightStart { get; set; }
    public int? HighlightLength { get; set; }

    /// <summary>The configured banned term.</summary>
    public string? HighlightTerm { get; set; }

    /// <summary>The offending text as it stood in the listing (it can differ from the term in case, width and spaces).</summary>
    public string? HighlightText { get; set; }

    public int? OwnerEmployeeId { get; set; }
    public string? OwnerName { get; set; }
    public DateTime OpenedAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>The run that opened it; null when a check of the listing alone did.</summary>
    public int? OpenedByRunId { get; set; }

    /// <summary>The run that closed it; null while open, or when a check of the listing alone closed it (see <see cref="ClosedByName"/>).</summary>
    public int? ClosedByRunId { get; set; }
    public string? ClosedByName { get; set; }

    /// <summary>When this finding, overdue, paused its listing.</summary>
    public DateTime? PausedListingAtUtc { get; set; }

    public bool IsOpen => ClosedAtUtc is null;

    public bool IsOverdue(DateTime nowUtc) => IsOpen && DueAtUtc < nowUtc;
}

internal sealed class AuditRunConfiguration : IEntityTypeConfiguration<AuditRun>
{
    public void Configure(EntityTypeBuilder<AuditRun> b)
    {
        b.ToTable("AuditRuns");
        b.Property(r => r.PeriodKey).HasMaxLength(AuditRun.MaxPeriodKeyLength);
        b.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(12);
        b.Property(r => r.ByUserId).HasMaxLength(450);
        b.Property(r => r.ByName).HasMaxLength(256);
        b.HasIndex(r => r.PeriodKey).IsUnique();
        b.HasIndex(r => r.StartedAtUtc);
    }
}

internal sealed class AuditTallyConfiguration : IEntityTypeConfiguration<AuditTally>
{
    public void Configure(EntityTypeBuilder<AuditTally> b)
    {
        b.ToTable("AuditTallies");
        b.HasKey(t => new { t.RunId, t.ChannelId, t.OwnerEmployeeId });
        b.HasOne<AuditRun>().WithMany().HasForeignKey(t => t.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SalesChannel>().WithMany().HasForeignKey(t => t.ChannelId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ListingFindingConfiguration : IEntityTypeConfiguration<ListingFinding>
{
    public void Configure(EntityTypeBuilder<ListingFinding> b)
    {
        b.ToTable("ListingFindings");
        b.Property(f => f.Rule).HasConversion<string>().HasMaxLength(24);
        b.Property(f => f.Severity).HasConversion<string>().HasMaxLength(10);
        b.Property(f => f.Field).HasMaxLength(40);
        b.Property(f => f.Item).HasMaxLength(Sku.MaxCodeLength);
        b.Property(f => f.Key).HasMaxLength(ListingFinding.MaxKeyLength);
        b.Property(f => f.MessageKey).HasMaxLength(60);
        b.Property(f => f.Arguments).HasMaxLength(ListingFinding.MaxArgumentsLength);
        b.Property(f => f.HighlightTerm).HasMaxLength(AuditSettings.MaxTermLength);
        b.Property(f => f.HighlightText).HasMaxLength(AuditSettings.MaxTermLength * 2);
        b.Property(f => f.OwnerName).HasMaxLength(256);
        b.Property(f => f.ClosedByName).HasMaxLength(256);
        b.HasOne<Listing>().WithMany().HasForeignKey(f => f.ListingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SalesChannel>().WithMany().HasForeignKey(f => f.ChannelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(f => f.OwnerEmployeeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AuditRun>().WithMany().HasForeignKey(f => f.OpenedByRunId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AuditRun>().WithMany().HasForeignKey(f => f.ClosedByRunId).OnDelete(DeleteBehavior.SetNull);
        // One open finding per problem and listing; closed ones are history.
        b.HasIndex(f => new { f.ListingId, f.Key }).IsUnique().HasFilter("\"ClosedAtUtc\" IS NULL");
        b.HasIndex(f => new { f.ClosedAtUtc, f.DueAtUtc });
        b.HasIndex(f => new { f.OwnerEmployeeId, f.ClosedAtUtc, f.DueAtUtc });
        b.HasIndex(f => new { f.ChannelId, f.ClosedAtUtc });
    }
}
