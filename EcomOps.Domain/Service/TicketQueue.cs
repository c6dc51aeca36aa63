using System.Linq.Expressions;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Sla;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service;

/// <summary>Whose tickets a queue shows.</summary>
public enum QueueScope
{
    /// <summary>Unassigned tickets plus the agent's own: what an agent works.</summary>
    MineAndUnassigned,
    Unassigned,
    Mine,

    /// <summary>Every open ticket of the team: the supervisor's view.</summary>
    Team,
}

/// <summary>The columns the queue sorts by; <see cref="Deadline"/> (earliest running deadline first) is its default.</summary>
public enum TicketColumn
{
    Deadline,
    Ticket,
    Customer,
    Channel,
    Priority,
    Status,
    Assignee,
}

public sealed record QueueQuery(
    QueueScope Scope, int? EmployeeId,
    TicketChannel? Channel = null, TicketPriority? Priority = null, string? Category = null, TicketStatus? Status = null,
    string? Search = null, int Skip = 0, int Take = 25, ListSort<TicketColumn>? Sort = null);

/// <summary>A row of the live queue: enough to show the countdown, the colour and who holds the ticket.</summary>
public sealed record QueueRow(
    int Id, string Subject, string CustomerName, TicketChannel Channel, TicketPriority Priority, string Category,
    TicketStatus Status, int? AssigneeId, string? AssigneeName, DateTime CreatedAtUtc, DateTime? NextDeadlineUtc,
    DateTime? NextWarningUtc, SlaBadge SlaBadge, string? SlaPolicyName, long Version)
{
    public string Number => Ticket.NumberOf(Id);
}

/// <summary>An agent's load: tickets they hold whose clock is running.</summary>
public sealed record AgentLoad(int EmployeeId, string FullName, int Running, int Breached, string EmployeeNumber = "");

/// <summary>The live counts an agent's home page shows.</summary>
public sealed record QueueCounts(int Unassigned, int Mine, int DueSoon, int Overdue);

/// <summary>Worked tickets counted per holder (null: unassigned), once for every viewer; each agent reads their own part.</summary>
public sealed record QueueCountsByHolder(IReadOnlyDictionary<int, HolderCounts> Held, HolderCounts Unassigned)
{
    public static readonly HolderCounts None = new(0, 0, 0);

    /// <summary>What the agent sees: the unassigned tickets and their own.</summary>
    public QueueCounts For(int? employeeId)
    {
        var mine = employeeId is { } id ? Held.GetValueOrDefault(id, None) : None;
        return new QueueCounts(Unassigned.Count, mine.Count, Unassigned.DueSoon + mine.DueSoon, Unassigned.Overdue + mine.Overdue);
    }
}

/// <summary>Worked tickets of one holder: all, those in their warning window, those past a deadline.</summary>
public sealed record HolderCounts(int Count, int DueSoon, int Overdue);

/// <summary>The ticket queues, read straight from the ticket rows the desk keeps up to date.</summary>
public sealed class TicketQueue(IDbContextFactory<OpsDb> dbFactory, CompanyTime time, LiveFeed feed)
{
    /// <summary>
    /// The open queues of one agent, or the team view every supervisor has open, ask the same question after each change:
    /// the database answers it once per version of the tickets and the people on them.
    /// </summary>
    private readonly SharedReads<QueueQuery, Page<QueueRow>> _pages = new(query => ReadPageAsync(dbFactory, query));

    private static readonly TicketStatus[] Worked = [TicketStatus.New, TicketStatus.Open, TicketStatus.PendingCustomer];

    public static readonly ListSort<TicketColumn> ByDeadline = new(TicketColumn.Deadline);

    // Both versions only grow, so their sum does too: it names the state of the tickets and the people on them.
    public Task<Page<QueueRow>> SearchAsync(QueueQuery query, CancellationToken ct = default) =>
        _pages.AskAsync(query, feed.VersionOf(Boards.Tickets) + feed.VersionOf(Boards.Org), ct);

    private static async Task<Page<QueueRow>> ReadPageAsync(IDbContextFactory<OpsDb> dbFactory, QueueQuery query)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var tickets = Matching(db, query);
        var total = await tickets.CountAsync();
        var rows = await Rows(Sorted(tickets, query.Sort ?? ByDeadline))
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200))
            .ToListAsync();
        return new Page<QueueRow>(rows, total);
    }

    /// <summary>The columns of the queue's workbook.</summary>
    public static readonly IReadOnlyList<ListColumn<QueueRow>> ExportColumns =
    [
        new("Queue.Ticket", (t, _) => ListCell.Of(t.Number)),
        new("Ticket.Subject", (t, _) => ListCell.Of(t.Subject)),
        new("Ticket.Customer", (t, _) => ListCell.Of(t.CustomerName)),
        new("Ticket.Channel", (t, text) => ListCell.Of(text($"Channel.{t.Channel}"))),
        new("Ticket.Priority", (t, text) => ListCell.Of(text($"Priority.{t.Priority}"))),
        new("Ticket.Category", (t, text) => ListCell.Of(text($"Category.{t.Category}"))),
        new("Ticket.Status", (t, text) => ListCell.Of(text($"Status.{t.Status}"))),
        new("Ticket.Assignee", (t, _) => ListCell.Of(t.AssigneeName)),
        new("Queue.CreatedAt", (t, _) => ListCell.At(t.CreatedAtUtc)),
        new("Queue.NextDeadline", (t, _) => ListCell.At(t.NextDeadlineUtc)),
    ];

    /// <summary>Every ticket the queue shows with this query (its page ignored), in its order, as a workbook.</summary>
    public async Task<ListWorkbookFile> ExportAsync(QueueQuery query, Func<string, string> text, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Rows(Sorted(Matching(db, query), query.Sort ?? ByDeadline)).Take(ListWorkbook.MaxRows + 1).ToListAsync(ct);
        return ListWorkbook.Build(text("Queue.Title"), ExportColumns, rows, text, time.Zone);
    }

    private static IQueryable<Ticket> Matching(OpsDb db, QueueQuery query)
    {
        var tickets = db.Tickets.AsNoTracking();
        foreach (var condition in Conditions(query))
        {
            tickets = tickets.Where(condition);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var id = TryTicketId(term);
            tickets = tickets.Where(t => t.Id == id || EF.Functions.Like(t.Subject, $"%{term}%") || EF.Functions.Like(t.CustomerName, $"%{term}%")
                || EF.Functions.Like(t.CustomerContact, $"%{term}%") || t.OrderReference == term);
        }

        return tickets;
    }

    /// <summary>
    /// Which tickets the query lists, its text search aside: each condition a plain filter the database can use an index
    /// for, and the same conditions decide in memory whether a live change concerns a list (<see cref="QueueChanges"/>).
    /// </summary>
    internal static IEnumerable<Expression<Func<Ticket, bool>>> Conditions(QueueQuery query)
    {
        yield return t => t.MergedIntoId == null;
        if (query.Status is { } status)
        {
            yield return t => t.Status == status;
        }
        else
        {
            yield return t => Worked.Contains(t.Status);
        }
        var me = query.EmployeeId;
        switch (query.Scope)
        {
            case QueueScope.Unassigned:
                yield return t => t.AssigneeId == null;
                break;
            case QueueScope.Mine:
                yield return t => t.AssigneeId == me;
                break;
            case QueueScope.MineAndUnassigned:
                yield return t => t.AssigneeId == null || t.AssigneeId == me;
                break;
        }
        if (query.Channel is { } channel)
        {
            yield return t => t.Channel == channel;
        }
        if (query.Priority is { } priority)
        {
            yield return t => t.Priority == priority;
        }
        if (!string.IsNullOrEmpty(query.Category))
        {
            var category = query.Category;
            yield return t => t.Category == category;
        }
    }

    /// <summary>The queue's order: by the chosen column, then the id. By deadline it is the earliest running deadline first,
    /// tickets with nothing running (paused, met) after them, oldest first; the other way round when descending.</summary>
    private static IOrderedQueryable<Ticket> Sorted(IQueryable<Ticket> tickets, ListSort<TicketColumn> sort)
    {
        var d = sort.Descending;
        var sorted = sort.Column switch
        {
            TicketColumn.Ticket => tickets.By(t => t.Id, d),
            TicketColumn.Customer => tickets.By(t => t.CustomerName, d),
            // Enums are stored as names: channel sorts by name, priority and status in their own order.
            TicketColumn.Channel => tickets.By(t => t.Channel, d),
            TicketColumn.Priority => tickets.By(t => t.Priority == TicketPriority.Low ? 0 : t.Priority == TicketPriority.Normal ? 1 : t.Priority == TicketPriority.High ? 2 : 3, d),
            TicketColumn.Status => tickets.By(t => t.Status == TicketStatus.New ? 0 : t.Status == TicketStatus.Open ? 1 : t.Status == TicketStatus.PendingCustomer ? 2
                : t.Status == TicketStatus.Solved ? 3 : 4, d),
            TicketColumn.Assignee => tickets.By(t => t.Assignee == null ? null : t.Assignee.FullName, d),
            _ => tickets.By(t => t.NextDeadlineUtc == null, d).Then(t => t.NextDeadlineUtc, d).Then(t => t.CreatedAtUtc, d),
        };
        return sorted.Then(t => t.Id, d);
    }

    private static IQueryable<QueueRow> Rows(IQueryable<Ticket> tickets) =>
        tickets.Select(t => new QueueRow(t.Id, t.Subject, t.CustomerName, t.Channel, t.Priority, t.Category, t.Status,
            t.AssigneeId, t.Assignee == null ? null : t.Assignee.FullName, t.CreatedAtUtc, t.NextDeadlineUtc,
            t.NextWarningUtc, t.SlaBadge, t.SlaPolicyName, t.Version));

    /// <summary>Worked tickets per holder in one grouped query: the home page's shared counts.</summary>
    public async Task<QueueCountsByHolder> CountsByHolderAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = await db.Tickets.AsNoTracking()
            .Where(t => t.MergedIntoId == null && Worked.Contains(t.Status))
            .GroupBy(t => t.AssigneeId)
            .Select(g => new
            {
                Holder = g.Key,
                Count = g.Count(),
                DueSoon = g.Count(t => t.SlaBadge == SlaBadge.Warning),
                Overdue = g.Count(t => t.SlaBadge == SlaBadge.Breached),
            })
            .ToListAsync(ct);
        var unassigned = groups.FirstOrDefault(g => g.Holder is null);
        return new QueueCountsByHolder(
            groups.Where(g => g.Holder is not null).ToDictionary(g => g.Holder!.Value, g => new HolderCounts(g.Count, g.DueSoon, g.Overdue)),
            unassigned is null ? QueueCountsByHolder.None : new HolderCounts(unassigned.Count, unassigned.DueSoon, unassigned.Overdue));
    }

    public async Task<Ticket?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Tickets.AsNoTracking().AsSplitQuery()
            .Include(t => t.Assignee)
            .Include(t => t.Entries.OrderBy(e => e.AtUtc).ThenBy(e => e.Id))
            .Include(t => t.StatusHistory.OrderBy(s => s.AtUtc).ThenBy(s => s.Id))
            .Include(t => t.Surveys.OrderBy(s => s.CreatedAtUtc).ThenBy(s => s.Id))
            .Include(t => t.CustomerMessages.OrderBy(m => m.Id))
            .FirstOrDefaultAsync(t => t.Id == id, ct);
    }

    /// <summary>Each active agent of the team with the tickets they hold whose clock runs, least loaded first.</summary>
    public async Task<IReadOnlyList<AgentLoad>> AgentLoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agents = await db.Employees.AsNoTracking()
            .Where(e => e.Active && e.Team == Team.CustomerService)
            .Select(e => new { e.Id, e.FullName, e.EmployeeNumber }).ToListAsync(ct);
        var held = await db.Tickets.AsNoTracking()
            .Where(t => t.AssigneeId != null && t.MergedIntoId == null && Worked.Contains(t.Status))
            .GroupBy(t => t.AssigneeId!.Value)
            .Select(g => new
            {
                EmployeeId = g.Key,
                Running = g.Count(t => t.NextDeadlineUtc != null),
                Breached = g.Count(t => t.SlaBadge == SlaBadge.Breached),
            })
            .ToDictionaryAsync(x => x.EmployeeId, ct);
        return agents
            .Select(a => held.TryGetValue(a.Id, out var h) ? new AgentLoad(a.Id, a.FullName, h.Running, h.Breached, a.EmployeeNumber) : new AgentLoad(a.Id, a.FullName, 0, 0, a.EmployeeNumber))
            .OrderBy(a => a.Running).ThenBy(a => a.FullName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads "T000123", "t123" or "123" as a ticket id; anything else matches no id.</summary>
    public static int TryTicketId(string text)
    {
        var digits = text.StartsWith('T') || text.StartsWith('t') ? text[1..] : text;
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : -1;
    }
}

/// <summary>
/// Tells a queue page whether a committed change on the tickets board can alter what it shows, without a query: the
/// change touches a row on the page, or the ticket was listed by the page's query before the change or is listed after
/// it. Text search is left aside, so a searched list may reload for a change that leaves it as it was, never the reverse.
/// </summary>
public sealed class QueueChanges
{
    private readonly Func<Ticket, bool>[] _listed;
    private readonly bool _showsTeamLoad;

    public QueueChanges(QueueQuery query)
    {
        _listed = [.. TicketQueue.Conditions(query).Select(c => c.Compile())];
        _showsTeamLoad = query.Scope == QueueScope.Team;
    }

    public bool Concerns(LiveChange change, Func<int, bool> onPage)
    {
        if (change.IsResync)
        {
            return true;
        }
        if (change.Entity != nameof(Ticket))
        {
            // The automatic assignment switch and the agents' load show on the team's view only.
            return _showsTeamLoad;
        }
        if (int.TryParse(change.Key, out var id) && onPage(id))
        {
            return true;
        }
        if (change.Before is null && change.After is null)
        {
            return true;
        }
        return Listed(change.Before) || Listed(change.After);
    }

    private bool Listed(object? row) => row is Ticket ticket && _listed.All(condition => condition(ticket));
}
