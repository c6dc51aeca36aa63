using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Analytics.Reports;

public enum ReportStatus
{
    Queued,
    Building,
    Ready,
    Failed,
}

/// <summary>
/// A KPI workbook build and, once ready, the workbook itself, stored with the parameters it was built from. The
/// parameters are unique (<see cref="ParametersKey"/>): asking for the same build twice finds the one report.
/// </summary>
[LiveBoard(Boards.Reports)]
public sealed class StoredReport : IVersioned
{
    public int Id { get; set; }
    public PeriodKind PeriodKind { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }

    /// <summary>The teams in the workbook, comma-separated, e.g. "Operations,CustomerService,Design".</summary>
    public required string Teams { get; set; }

    /// <summary>The language the workbook is written in (en or zh-Hans).</summary>
    public required string Culture { get; set; }

    public required string ParametersKey { get; set; }

    /// <summary>Scheduled (monthly/weekly job) or asked for by someone ("Build now").</summary>
    public bool Scheduled { get; set; }

    public ReportStatus Status { get; set; }
    public int Progress { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public string? RequestedBy { get; set; }
    public string? RequestedByUserId { get; set; }
    public DateTime? BuiltAtUtc { get; set; }
    public long? BuildMilliseconds { get; set; }
    public long SizeBytes { get; set; }
    public byte[]? Content { get; set; }
    public long Version { get; set; }
}

internal sealed class StoredReportConfiguration : IEntityTypeConfiguration<StoredReport>
{
    public void Configure(EntityTypeBuilder<StoredReport> b)
    {
        b.Property(x => x.PeriodKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Teams).HasMaxLength(100);
        b.Property(x => x.Culture).HasMaxLength(20);
        b.Property(x => x.ParametersKey).HasMaxLength(200);
        b.Property(x => x.Error).HasMaxLength(2000);
        b.Property(x => x.RequestedBy).HasMaxLength(256);
        b.Property(x => x.RequestedByUserId).HasMaxLength(450);
        b.HasIndex(x => x.ParametersKey).IsUnique();
        b.HasIndex(x => x.RequestedAtUtc);
    }
}
