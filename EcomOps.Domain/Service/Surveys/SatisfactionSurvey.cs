using System.Security.Cryptography;
using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Service.Surveys;

/// <summary>
/// A one-question satisfaction survey sent when a ticket is solved. The link carries a random 128-bit token: it
/// cannot be guessed, and it can be answered once.
/// </summary>
public sealed class SatisfactionSurvey
{
    public const int MaxCommentLength = 1000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public long Id { get; set; }
    public int TicketId { get; set; }
    public required string Token { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    public int? Rating { get; set; }
    public string? Comment { get; set; }

    /// <summary>Who held the ticket when it was solved: the rating counts for them.</summary>
    public int? AgentId { get; set; }

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(16));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed class SatisfactionSurveyConfiguration : IEntityTypeConfiguration<SatisfactionSurvey>
{
    public void Configure(EntityTypeBuilder<SatisfactionSurvey> b)
    {
        b.Property(s => s.Token).HasMaxLength(32);
        b.Property(s => s.Comment).HasMaxLength(SatisfactionSurvey.MaxCommentLength);
        b.HasIndex(s => s.Token).IsUnique();
        b.HasIndex(s => s.TicketId);
        b.HasIndex(s => s.AnsweredAtUtc);
    }
}

public enum SurveyAnswer
{
    Recorded,
    UnknownLink,
    AlreadyAnswered,
    Expired,
    Invalid,
}

/// <summary>What the survey page shows before it is answered.</summary>
public sealed record SurveyView(string TicketNumber, string Subject, DateTime ExpiresAtUtc, bool Answered, bool Expired);

/// <summary>The customer's side of satisfaction surveys: look a link up, answer it once.</summary>
public sealed class SurveyDesk(IDbContextFactory<OpsDb> dbFactory, TimeProvider clock)
{
    public async Task<SurveyView?> FindAsync(string? token, CancellationToken ct = default)
    {
        if (!LooksLikeToken(token))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<SatisfactionSurvey>().AsNoTracking().Where(s => s.Token == token)
            .Join(db.Tickets, s => s.TicketId, t => t.Id, (s, t) => new { s, t.Id, t.Subject })
            .Select(x => new SurveyView(Ticket.NumberOf(x.Id), x.Subject, x.s.ExpiresAtUtc, x.s.AnsweredAtUtc != null, x.s.ExpiresAtUtc <= now))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Records the rating once. The update only matches a survey not yet answered, so two submissions racing each
    /// other record one answer, and a reused link changes nothing.
    /// </summary>
    public async Task<SurveyAnswer> AnswerAsync(string? token, int rating, string? comment, CancellationToken ct = default)
    {
        if (rating is < 1 or > 5 || comment?.Length > SatisfactionSurvey.MaxCommentLength)
        {
            return SurveyAnswer.Invalid;
        }
        if (!LooksLikeToken(token))
        {
            return SurveyAnswer.UnknownLink;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var updated = await db.Set<SatisfactionSurvey>()
            .Where(s => s.Token == token && s.AnsweredAtUtc == null && s.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.AnsweredAtUtc, now).SetProperty(x => x.Rating, rating).SetProperty(x => x.Comment, text), ct);
        if (updated == 1)
        {
            return SurveyAnswer.Recorded;
        }
        var survey = await db.Set<SatisfactionSurvey>().AsNoTracking().FirstOrDefaultAsync(s => s.Token == token, ct);
        return survey is null ? SurveyAnswer.UnknownLink : survey.AnsweredAtUtc is not null ? SurveyAnswer.AlreadyAnswered : SurveyAnswer.Expired;
    }

    /// <summary>The survey link of a ticket's latest solve, for the agent to see; null when there is none.</summary>
    public async Task<SatisfactionSurvey?> LatestForTicketAsync(int ticketId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SatisfactionSurvey>().AsNoTracking().Where(s => s.TicketId == ticketId)
            .OrderByDescending(s => s.CreatedAtUtc).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct);
    }

    private static bool LooksLikeToken(string? token) =>
        token is { Length: >= 16 and <= 32 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
