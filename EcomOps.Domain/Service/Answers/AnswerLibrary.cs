using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service.Answers;

/// <summary>A row of the answer library.</summary>
public sealed record AnswerRow(
    int Id, string Title, string Body, string Category, IReadOnlyList<string> Tags, string Language, AnswerStatus Status,
    string? ProposedBy, int UsageCount, DateTime? LastUsedAtUtc, DateTime CreatedAtUtc, long Version)
{
    public AnswerForm ToForm() => new() { Title = Title, Body = Body, Category = Category, Tags = Tags, Language = Language, Version = Version };
}

public sealed record AnswerQuery(
    string? Search = null, string? Category = null, string? Language = null, AnswerStatus? Status = null, int Skip = 0, int Take = 25);

/// <summary>
/// The standard-answer library: supervisors create, edit, approve and retire answers; agents propose them from
/// their replies and insert them into replies, which counts a use. One short-lived context per operation.
/// </summary>
public sealed class AnswerLibrary(IDbContextFactory<OpsDb> dbFactory, TimeProvider clock)
{
    public async Task<Page<AnswerRow>> SearchAsync(AnswerQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var answers = db.StandardAnswers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = $"%{query.Search.Trim()}%";
            answers = answers.Where(a => EF.Functions.Like(a.Title, term) || EF.Functions.Like(a.Body, term) || EF.Functions.Like(a.Tags, term));
        }
        if (!string.IsNullOrEmpty(query.Category))
        {
            answers = answers.Where(a => a.Category == query.Category);
        }
        if (!string.IsNullOrEmpty(query.Language))
        {
            answers = answers.Where(a => a.Language == query.Language);
        }
        if (query.Status is { } status)
        {
            answers = answers.Where(a => a.Status == status);
        }
        var total = await answers.CountAsync(ct);
        var items = await answers
            .OrderBy(a => a.Category).ThenBy(a => a.Title).ThenBy(a => a.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200))
            .ToListAsync(ct);
        return new Page<AnswerRow>(items.Select(ToRow).ToList(), total);
    }

    public async Task<AnswerRow?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var answer = await db.StandardAnswers.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return answer is null ? null : ToRow(answer);
    }

    /// <summary>A supervisor's new answer: approved at once.</summary>
    public Task<Outcome<AnswerRow>> CreateAsync(Actor actor, AnswerForm form, CancellationToken ct = default) =>
        AddAsync(actor, form, AnswerStatus.Approved, ct);

    /// <summary>An agent's suggestion for the library: it waits as proposed until a supervisor approves it.</summary>
    public Task<Outcome<AnswerRow>> ProposeAsync(Actor actor, AnswerForm form, CancellationToken ct = default) =>
        AddAsync(actor, form, AnswerStatus.Proposed, ct);

    /// <summary>
    /// Proposes a reply an agent wrote on a ticket: the ticket's own values (customer name, order number…) become
    /// placeholders, the title is the ticket's subject, the language is the reply's.
    /// </summary>
    public Task<Outcome<AnswerRow>> ProposeReplyAsync(Actor actor, string? reply, string title, string category, AnswerPlaceholders values, CancellationToken ct = default)
    {
        var text = (reply ?? "").Trim();
        var shortTitle = title.Trim();
        if (shortTitle.Length > AnswerRules.MaxTitleLength)
        {
            shortTitle = shortTitle[..AnswerRules.MaxTitleLength];
        }
        return ProposeAsync(actor, new AnswerForm
        {
            Title = shortTitle,
            Body = AnswerTemplate.Generalize(text, values),
            Category = category,
            Language = AnswerLanguages.Of(text),
        }, ct);
    }

    public Task<Outcome<AnswerRow>> UpdateAsync(Actor actor, int id, AnswerForm form, CancellationToken ct = default) =>
        ChangeAsync(actor, id, form.Version, AnswerRules.Check(form), answer =>
        {
            Apply(answer, form);
            return [];
        }, ct);

    /// <summary>Approves a proposed answer, or brings a retired one back.</summary>
    public Task<Outcome<AnswerRow>> ApproveAsync(Actor actor, int id, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, [], answer => SetStatus(answer, AnswerStatus.Approved), ct);

    /// <summary>Retires an answer (or turns down a proposal): it is kept, but never suggested again.</summary>
    public Task<Outcome<AnswerRow>> RetireAsync(Actor actor, int id, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, [], answer => SetStatus(answer, AnswerStatus.Retired), ct);

    /// <summary>
    /// Counts one use. A single UPDATE adds one in the database, so concurrent uses never lose a count; it leaves
    /// the version alone (a use must not make an open edit stale) and is not audited (it is not a change of content).
    /// </summary>
    public async Task<bool> RecordUseAsync(int id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var updated = await db.StandardAnswers.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UsageCount, a => a.UsageCount + 1).SetProperty(a => a.LastUsedAtUtc, now), ct);
        return updated == 1;
    }

    /// <summary>The approved answers used most, most-used first.</summary>
    public async Task<IReadOnlyList<AnswerRow>> MostUsedAsync(int take = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await db.StandardAnswers.AsNoTracking()
            .Where(a => a.Status == AnswerStatus.Approved && a.UsageCount > 0)
            .OrderByDescending(a => a.UsageCount).ThenBy(a => a.Id)
            .Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        return items.Select(ToRow).ToList();
    }

    /// <summary>Approved answers nobody has used yet, oldest first: candidates to improve or retire.</summary>
    public async Task<IReadOnlyList<AnswerRow>> NeverUsedAsync(int take = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await db.StandardAnswers.AsNoTracking()
            .Where(a => a.Status == AnswerStatus.Approved && a.UsageCount == 0)
            .OrderBy(a => a.CreatedAtUtc).ThenBy(a => a.Id)
            .Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        return items.Select(ToRow).ToList();
    }

    /// <summary>The approved answers that best fit a customer's message, best first.</summary>
    public async Task<IReadOnlyList<AnswerMatch>> SuggestAsync(string? message, string? category, string? language = null, int top = 5, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var approved = await db.StandardAnswers.AsNoTracking().Where(a => a.Status == AnswerStatus.Approved).ToListAsync(ct);
        var candidates = approved.Select(a => new AnswerCandidate(a.Id, a.Title, a.Body, a.Category, a.TagList, a.Language, a.Status, a.UsageCount));
        return AnswerMatcher.Rank(message, category, language, candidates, top);
    }

    /// <summary>The signed-in person's name as a customer sees it under a reply: the employee's name, else the sign-in.</summary>
    public async Task<string> AgentNameAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.UserId is null)
        {
            return actor.Name;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Employees.Where(e => e.UserId == actor.UserId).Select(e => e.FullName).FirstOrDefaultAsync(ct) ?? actor.Name;
    }

    private async Task<Outcome<AnswerRow>> AddAsync(Actor actor, AnswerForm form, AnswerStatus status, CancellationToken ct)
    {
        // Anyone who works tickets may propose an answer; only a supervisor adds one to the library at once.
        if (!actor.May(status == AnswerStatus.Approved ? Permissions.SuperviseService : Permissions.WorkTickets))
        {
            return Outcome<AnswerRow>.Invalid([Actor.NotPermitted]);
        }
        var errors = AnswerRules.Check(form);
        if (errors.Count > 0)
        {
            return Outcome<AnswerRow>.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var answer = new StandardAnswer
        {
            Title = "",
            Body = "",
            Category = form.Category,
            Language = form.Language,
            Status = status,
            ProposedBy = status == AnswerStatus.Proposed ? actor.Name : null,
            CreatedAtUtc = now,
        };
        Apply(answer, form);
        answer.UpdatedAtUtc = now;
        db.StandardAnswers.Add(answer);
        await db.SaveChangesAsync(ct);
        return Outcome<AnswerRow>.Done(ToRow(answer));
    }

    /// <summary>The change, run again from its start while the database is busy (<see cref="WriteRetry"/>).</summary>
    private Task<Outcome<AnswerRow>> ChangeAsync(
        Actor actor, int id, long version, List<FieldError> errors, Func<StandardAnswer, List<FieldError>> change, CancellationToken ct) =>
        WriteRetry.RunAsync(() => ChangeOnceAsync(actor, id, version, errors, change, ct), ct);

    private async Task<Outcome<AnswerRow>> ChangeOnceAsync(
        Actor actor, int id, long version, List<FieldError> errors, Func<StandardAnswer, List<FieldError>> change, CancellationToken ct)
    {
        if (!actor.May(Permissions.SuperviseService))
        {
            return Outcome<AnswerRow>.Invalid([Actor.NotPermitted]);
        }
        if (errors.Count > 0)
        {
            return Outcome<AnswerRow>.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var answer = await db.StandardAnswers.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (answer is null)
        {
            return Outcome<AnswerRow>.NotFound();
        }
        if (answer.Version != version)
        {
            return Outcome<AnswerRow>.Conflict();
        }
        db.Entry(answer).Property(a => a.Version).OriginalValue = version;
        if (change(answer) is { Count: > 0 } refused)
        {
            return Outcome<AnswerRow>.Invalid(refused);
        }
        answer.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<AnswerRow>.Conflict();
        }
        return Outcome<AnswerRow>.Done(ToRow(answer));
    }

    private static List<FieldError> SetStatus(StandardAnswer answer, AnswerStatus status)
    {
        if (answer.Status == status)
        {
            return [new("Status", "AnswerStatusUnchanged")];
        }
        answer.Status = status;
        return [];
    }

    private static void Apply(StandardAnswer answer, AnswerForm form)
    {
        answer.Title = form.Title.Trim();
        answer.Body = form.Body.Trim();
        answer.Category = form.Category;
        answer.Tags = AnswerRules.JoinTags(form.Tags);
        answer.Language = form.Language;
    }

    private static AnswerRow ToRow(StandardAnswer a) =>
        new(a.Id, a.Title, a.Body, a.Category, a.TagList, a.Language, a.Status, a.ProposedBy, a.UsageCount, a.LastUsedAtUtc, a.CreatedAtUtc, a.Version);
}
