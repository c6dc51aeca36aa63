using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Service.Answers;

/// <summary>Where an answer stands: agents propose, supervisors approve; only approved answers are suggested.</summary>
public enum AnswerStatus
{
    Proposed,
    Approved,
    Retired,
}

/// <summary>
/// A reusable reply from the standard-answer library. Its body may hold placeholders such as
/// <c>{customer_name}</c> that are filled from the ticket when an agent inserts it.
/// </summary>
public sealed class StandardAnswer : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public required string Category { get; set; }

    /// <summary>The tags, comma-separated (a tag never holds a comma): readable in the audit trail and searchable with LIKE.</summary>
    public string Tags { get; set; } = "";

    public required string Language { get; set; }
    public AnswerStatus Status { get; set; }
    public string? ProposedBy { get; set; }

    /// <summary>Counted with a single UPDATE per use, outside the version: a use never makes a supervisor's edit stale.</summary>
    public int UsageCount { get; set; }

    public DateTime? LastUsedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public long Version { get; set; }

    public IReadOnlyList<string> TagList => AnswerRules.SplitTags(Tags);
}

internal sealed class StandardAnswerConfiguration : IEntityTypeConfiguration<StandardAnswer>
{
    public void Configure(EntityTypeBuilder<StandardAnswer> b)
    {
        b.Ignore(a => a.TagList);
        b.Property(a => a.Title).HasMaxLength(AnswerRules.MaxTitleLength);
        b.Property(a => a.Body).HasMaxLength(AnswerRules.MaxBodyLength);
        b.Property(a => a.Category).HasMaxLength(TicketRules.MaxCategoryLength);
        b.Property(a => a.Tags).HasMaxLength(AnswerRules.MaxTagsLength);
        b.Property(a => a.Language).HasMaxLength(10);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(a => a.ProposedBy).HasMaxLength(256);
        // Suggestions read the approved answers of a language; the supervisor's lists sort by use.
        b.HasIndex(a => new { a.Status, a.Language, a.Category });
        b.HasIndex(a => new { a.Status, a.UsageCount });
    }
}
