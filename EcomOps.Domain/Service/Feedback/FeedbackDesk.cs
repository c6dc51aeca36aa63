using EcomOps.Domain.Data;
using EcomOps.Domain.Notifications;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Referrals;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service.Feedback;

public sealed record FeedbackForm(FeedbackKind Kind, FeedbackCategory Category, string? Text);

public sealed record FeedbackRow(
    int Id, int TicketId, FeedbackKind Kind, FeedbackCategory Category, Team Department, string Text, string CustomerName,
    string RecordedByName, DateTime RecordedAtUtc, FeedbackState State, string? Response, string? AcknowledgedByName,
    DateTime? AcknowledgedAtUtc, long Version)
{
    public string TicketNumber => Ticket.NumberOf(TicketId);
}

/// <summary>What the feedback list is narrowed to; empty parts narrow nothing. Dates are company-calendar days, both included.</summary>
public sealed record FeedbackFilter(
    string? Search = null, FeedbackCategory? Category = null, Team? Department = null, FeedbackKind? Kind = null,
    FeedbackState? State = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>A page of the list and how many match in all.</summary>
public sealed record FeedbackResults(IReadOnlyList<FeedbackRow> Rows, int Total);

public static class FeedbackRules
{
    public const int MaxTextLength = 1000;
    public const string NotYourDepartment = "FeedbackNotYourDepartment";

    /// <summary>
    /// Who owns a category: the store's pages are the designers' (店铺装修), the service is customer service's, and the
    /// product, its packaging, delivery and price are operations' (listings, warehouse, logistics and pricing sit there).
    /// </summary>
    public static Team DepartmentOf(FeedbackCategory category) => category switch
    {
        FeedbackCategory.Site => Team.Design,
        FeedbackCategory.Service => Team.CustomerService,
        _ => Team.Operations,
    };

    public static List<FieldError> Check(FeedbackForm form)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(form.Kind))
        {
            errors.Add(new FieldError(nameof(form.Kind), "Required"));
        }
        if (!Enum.IsDefined(form.Category))
        {
            errors.Add(new FieldError(nameof(form.Category), "Required"));
        }
        CheckText(errors, nameof(form.Text), form.Text, required: true);
        return errors;
    }

    public static void CheckText(List<FieldError> errors, string field, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(new FieldError(field, "Required"));
            }
        }
        else if (text.Trim().Length > MaxTextLength)
        {
            errors.Add(new FieldError(field, "TooLong"));
        }
        else
        {
            TextRules.Check(errors, field, text);
        }
    }

    /// <summary>Everyone reads their own department's; the director and the admin (who read the audit trail) read all.</summary>
    public static bool MayReadAll(Actor actor) => actor.Roles is null || actor.May(Permissions.ReadAuditTrail);

    /// <summary>The department's heads say what is done about it (or the director and the admin for any department).</summary>
    public static bool MayAcknowledge(Actor actor, Employee? me, Team department) =>
        MayReadAll(actor) || (me is { Active: true } && me.Team == department && ReferralRules.IsHeadRole(me.Role, department));
}

/// <summary>
/// Customer feedback and suggestions that are not complaints (§2.5, §4.1.2): an agent records one from a ticket with its
/// category; it goes to the category's department (its heads are notified), which acknowledges it with what it does.
/// </summary>
public sealed class FeedbackDesk(IDbContextFactory<OpsDb> dbFactory, TimeProvider clock, Time.CompanyTime time)
{
    public const int PageSize = 50;

    public async Task<Outcome<int>> RecordAsync(Actor actor, int ticketId, FeedbackForm form, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.WorkTickets))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        var errors = FeedbackRules.Check(form);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        return await WriteRetry.RunAsync(async () =>
        {
            await using var db = await OpenAsync(actor, ct);
            var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => new { t.Id, t.CustomerName }).FirstOrDefaultAsync(ct);
            if (ticket is null)
            {
                return Outcome<int>.NotFound();
            }
            var me = await MeAsync(db, actor, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var department = FeedbackRules.DepartmentOf(form.Category);
            var feedback = new CustomerFeedback
            {
                TicketId = ticket.Id, Kind = form.Kind, Category = form.Category, Department = department, Text = form.Text!.Trim(),
                CustomerName = ticket.CustomerName, RecordedById = me?.Id, RecordedByName = me?.FullName ?? actor.Name, RecordedAtUtc = now,
                State = FeedbackState.New,
            };
            db.Add(feedback);
            await db.SaveChangesAsync(ct);
            var heads = (await db.Employees.AsNoTracking().Where(e => e.Active && e.Team == department && e.UserId != null).ToListAsync(ct))
                .Where(e => ReferralRules.IsHeadRole(e.Role, department) && e.Id != me?.Id);
            await NotificationCentre.AddAsync(db, heads.Select(e => new NotificationDraft(e.UserId!, NotificationKind.CustomerFeedback,
                $"feedback:{feedback.Id}:new", $"Notice.Feedback.{form.Kind}", [Ticket.NumberOf(ticket.Id), $"@key:FeedbackCategory.{form.Category}"],
                "/service/feedback")), now, ct);
            await db.SaveChangesAsync(ct);
            return Outcome<int>.Done(feedback.Id);
        }, ct);
    }

    /// <summary>The department says what it does about it; a second head acknowledging from a stale page is told.</summary>
    public async Task<Outcome<long>> AcknowledgeAsync(Actor actor, int id, string? response, long version, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        FeedbackRules.CheckText(errors, "Response", response, required: true);
        if (errors.Count > 0)
        {
            return Outcome<long>.Invalid(errors);
        }
        return await WriteRetry.RunAsync(async () =>
        {
            await using var db = await OpenAsync(actor, ct);
            var feedback = await db.Set<CustomerFeedback>().FirstOrDefaultAsync(f => f.Id == id, ct);
            if (feedback is null)
            {
                return Outcome<long>.NotFound();
            }
            var me = await MeAsync(db, actor, ct);
            if (!FeedbackRules.MayAcknowledge(actor, me, feedback.Department))
            {
                return Outcome<long>.Invalid([new FieldError("Response", FeedbackRules.NotYourDepartment)]);
            }
            db.Entry(feedback).Property(f => f.Version).OriginalValue = version;
            feedback.State = FeedbackState.Acknowledged;
            feedback.Response = response!.Trim();
            feedback.AcknowledgedByName = me?.FullName ?? actor.Name;
            feedback.AcknowledgedAtUtc = clock.GetUtcNow().UtcDateTime;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<long>.Conflict();
            }
            return Outcome<long>.Done(feedback.Version);
        }, ct);
    }

    /// <summary>The feedback the actor may read, newest first, narrowed by <paramref name="filter"/>; searched in text, customer and response.</summary>
    public async Task<FeedbackResults> SearchAsync(Actor actor, FeedbackFilter filter, int page = 0, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await VisibleAsync(db, actor, ct);
        if (query is null)
        {
            return new FeedbackResults([], 0);
        }
        query = Narrow(query, filter);
        var total = await query.CountAsync(ct);
        var rows = await Rows(query.OrderByDescending(f => f.RecordedAtUtc).ThenByDescending(f => f.Id).Skip(Math.Max(page, 0) * PageSize).Take(PageSize))
            .ToListAsync(ct);
        return new FeedbackResults(rows, total);
    }

    /// <summary>Every row the list shows with this filter (its page ignored), newest first, as a workbook in the reader's words.</summary>
    public async Task<ListWorkbookFile> ExportAsync(Actor actor, FeedbackFilter filter, Func<string, string> text, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await VisibleAsync(db, actor, ct);
        var rows = query is null ? [] : await Rows(Narrow(query, filter).OrderByDescending(f => f.RecordedAtUtc).ThenByDescending(f => f.Id).Take(ListWorkbook.MaxRows + 1)).ToListAsync(ct);
        return ListWorkbook.Build(text("Feedback.Title"), FeedbackDigests.Columns, rows, text, time.Zone);
    }

    /// <summary>The departments whose feedback the actor may acknowledge (the page offers it only there).</summary>
    public async Task<IReadOnlySet<Team>> AcknowledgesForAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await MeAsync(db, actor, ct);
        return Enum.GetValues<Team>().Where(t => FeedbackRules.MayAcknowledge(actor, me, t)).ToHashSet();
    }

    /// <summary>What was recorded from one ticket (its page lists it).</summary>
    public async Task<IReadOnlyList<FeedbackRow>> ForTicketAsync(int ticketId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db.Set<CustomerFeedback>().Where(f => f.TicketId == ticketId).OrderBy(f => f.Id)).ToListAsync(ct);
    }

    /// <summary>How much of the actor's department's feedback waits to be read (the home page and the menu show it).</summary>
    public async Task<int> WaitingForAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await VisibleAsync(db, actor, ct);
        return query is null ? 0 : await query.CountAsync(f => f.State == FeedbackState.New, ct);
    }

    /// <summary>The rows of one department and month as the digest lists them.</summary>
    internal static IQueryable<FeedbackRow> MonthOf(OpsDb db, Team department, DateTime fromUtc, DateTime toUtc) =>
        Rows(db.Set<CustomerFeedback>().Where(f => f.Department == department && f.RecordedAtUtc >= fromUtc && f.RecordedAtUtc < toUtc)
            .OrderBy(f => f.RecordedAtUtc).ThenBy(f => f.Id));

    private IQueryable<CustomerFeedback> Narrow(IQueryable<CustomerFeedback> query, FeedbackFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = $"%{filter.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(f => EF.Functions.Like(f.Text, pattern, "\\") || EF.Functions.Like(f.CustomerName, pattern, "\\")
                || (f.Response != null && EF.Functions.Like(f.Response, pattern, "\\")));
        }
        if (filter.Category is { } category)
        {
            query = query.Where(f => f.Category == category);
        }
        if (filter.Department is { } department)
        {
            query = query.Where(f => f.Department == department);
        }
        if (filter.Kind is { } kind)
        {
            query = query.Where(f => f.Kind == kind);
        }
        if (filter.State is { } state)
        {
            query = query.Where(f => f.State == state);
        }
        if (filter.From is { } from)
        {
            var fromUtc = time.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(f => f.RecordedAtUtc >= fromUtc);
        }
        if (filter.To is { } to)
        {
            var toUtc = time.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(f => f.RecordedAtUtc < toUtc);
        }
        return query;
    }

    /// <summary>Everything for the director and the admin; else the person's department's and what they recorded; nothing for someone not on staff.</summary>
    private static async Task<IQueryable<CustomerFeedback>?> VisibleAsync(OpsDb db, Actor actor, CancellationToken ct)
    {
        var all = db.Set<CustomerFeedback>().AsNoTracking();
        if (FeedbackRules.MayReadAll(actor))
        {
            return all;
        }
        if (await MeAsync(db, actor, ct) is not { Active: true } me)
        {
            return null;
        }
        var (team, id) = (me.Team, me.Id);
        return all.Where(f => f.Department == team || f.RecordedById == id);
    }

    private static IQueryable<FeedbackRow> Rows(IQueryable<CustomerFeedback> query) =>
        query.AsNoTracking().Select(f => new FeedbackRow(f.Id, f.TicketId, f.Kind, f.Category, f.Department, f.Text, f.CustomerName,
            f.RecordedByName, f.RecordedAtUtc, f.State, f.Response, f.AcknowledgedByName, f.AcknowledgedAtUtc, f.Version));

    internal static Task<Employee?> MeAsync(OpsDb db, Actor actor, CancellationToken ct) =>
        actor.UserId is null ? Task.FromResult<Employee?>(null) : db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.UserId == actor.UserId, ct);

    private async Task<OpsDb> OpenAsync(Actor actor, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        return db;
    }
}
