using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service.Complaints;

public sealed record ComplaintListQuery(ComplaintStage? Stage, TicketChannel? Channel, string? Search, int Skip, int Take);

public sealed record ComplaintRow(int Id, ComplaintStage Stage, DateTime ReceivedAtUtc, string ComplainantName, TicketChannel Channel, string Matter,
    string? Product, int CurrentRound, DateTime? NextDueUtc)
{
    public string Number => $"C{Id:D6}";
}

/// <summary>The next deadline of an open case on the board, and what it is for.</summary>
public enum ComplaintTimer
{
    None,
    FirstResponse,
    Measure,
    FollowUp,
}

public sealed record ComplaintBoardRow(int Id, ComplaintStage Stage, string ComplainantName, string Matter, int CurrentRound,
    DateTime? NextDueUtc, ComplaintTimer Timer, int OverdueMeasures)
{
    public string Number => $"C{Id:D6}";
}

public sealed record CountBy(string Key, int Count);

public sealed record ComplaintAnalysis(
    DateTime FromUtc, DateTime ToUtc, int Total, int Closed, int Reopened,
    IReadOnlyList<CountBy> ByRootCause, IReadOnlyList<CountBy> ByDepartment, IReadOnlyList<CountBy> ByProduct, IReadOnlyList<CountBy> ByChannel,
    double? MedianHoursToClose, double? AverageHoursToClose, IReadOnlyList<ComplaintRow> Cases)
{
    /// <summary>Share of the period's cases the customer sent back at least once.</summary>
    public double ReopenRate => Total == 0 ? 0 : (double)Reopened / Total;
}

/// <summary>What the complaint screens read: the list, one case, the live board, the period analysis.</summary>
public sealed class ComplaintQueries(IDbContextFactory<OpsDb> dbFactory, TimeProvider clock)
{
    /// <summary>The key the analysis uses for a case without a root cause, department or product yet.</summary>
    public const string Unassigned = "-";

    public async Task<(IReadOnlyList<ComplaintRow> Items, int Total)> SearchAsync(ComplaintListQuery q, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = db.ComplaintCases.AsNoTracking();
        if (q.Stage is { } stage)
        {
            cases = cases.Where(c => c.Stage == stage);
        }
        if (q.Channel is { } channel)
        {
            cases = cases.Where(c => c.Channel == channel);
        }
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var s = q.Search.Trim();
            cases = cases.Where(c => c.ComplainantName.Contains(s) || c.Matter.Contains(s) || (c.OrderReference != null && c.OrderReference.Contains(s)) || (c.Product != null && c.Product.Contains(s)));
        }
        var total = await cases.CountAsync(ct);
        var items = await cases.OrderByDescending(c => c.ReceivedAtUtc).ThenByDescending(c => c.Id).Skip(q.Skip).Take(q.Take).Select(Row).ToListAsync(ct);
        return (items, total);
    }

    public async Task<ComplaintCase?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.ComplaintCases.AsNoTracking().Include(x => x.ResponsiblePerson)
            .Include(x => x.Rounds).ThenInclude(r => r.Measures).ThenInclude(m => m.Owner)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is not null)
        {
            c.Rounds = [.. c.Rounds.OrderBy(r => r.Number)];
            foreach (var r in c.Rounds)
            {
                r.Measures = [.. r.Measures.OrderBy(m => m.Id)];
            }
        }
        return c;
    }

    /// <summary>
    /// Active employees who can be named responsible for a cause or own a measure, by name; each with their number
    /// and team, so two people of the same name can be told apart in a picker.
    /// </summary>
    public async Task<IReadOnlyList<EmployeePick>> PeopleAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Employees.AsNoTracking().Where(e => e.Active).OrderBy(e => e.FullName).ThenBy(e => e.EmployeeNumber)
            .Select(e => new EmployeePick(e.Id, e.FullName, e.EmployeeNumber, e.Team)).ToListAsync(ct);
    }

    /// <summary>Open cases with the deadline each one owes next, most pressing first.</summary>
    public async Task<IReadOnlyList<ComplaintBoardRow>> BoardAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.ComplaintCases.AsNoTracking().Include(c => c.Rounds).ThenInclude(r => r.Measures)
            .Where(c => c.Stage != ComplaintStage.Closed).AsSplitQuery().ToListAsync(ct);
        return open
            .Select(c => new ComplaintBoardRow(c.Id, c.Stage, c.ComplainantName, c.Matter, c.CurrentRound, c.NextDueUtc, TimerOf(c),
                c.Round?.Measures.Count(m => ComplaintRules.IsOverdue(m, now)) ?? 0))
            .OrderBy(r => r.NextDueUtc is null).ThenBy(r => r.NextDueUtc).ThenBy(r => r.Id)
            .ToList();
    }

    /// <summary>The cases received in [from, to): counts by cause, department, product and channel; reopen rate; time to close.</summary>
    public async Task<ComplaintAnalysis> AnalyzeAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = await db.ComplaintCases.AsNoTracking()
            .Where(c => c.ReceivedAtUtc >= fromUtc && c.ReceivedAtUtc < toUtc)
            .Select(c => new { c.Id, c.Stage, c.ReceivedAtUtc, c.ComplainantName, c.Channel, c.Matter, c.Product, c.CurrentRound, c.NextDueUtc, c.RootCause, c.ResponsibleDepartment, c.ReopenCount, c.ClosedAtUtc })
            .ToListAsync(ct);
        static IReadOnlyList<CountBy> Count(IEnumerable<string?> keys) =>
            keys.GroupBy(k => k ?? Unassigned).Select(g => new CountBy(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var hours = cases.Where(c => c.ClosedAtUtc is not null).Select(c => (c.ClosedAtUtc!.Value - c.ReceivedAtUtc).TotalHours).Order().ToList();
        return new ComplaintAnalysis(
            fromUtc, toUtc, cases.Count, hours.Count, cases.Count(c => c.ReopenCount > 0),
            Count(cases.Select(c => c.RootCause?.ToString())),
            Count(cases.Select(c => c.ResponsibleDepartment?.ToString())),
            Count(cases.Select(c => c.Product)),
            Count(cases.Select(c => c.Channel.ToString())),
            Median(hours),
            hours.Count == 0 ? null : hours.Average(),
            cases.OrderBy(c => c.ReceivedAtUtc).Select(c => new ComplaintRow(c.Id, c.Stage, c.ReceivedAtUtc, c.ComplainantName, c.Channel, c.Matter, c.Product, c.CurrentRound, c.NextDueUtc)).ToList());
    }

    private static double? Median(List<double> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    private static ComplaintTimer TimerOf(ComplaintCase c) => c.NextDueUtc is null ? ComplaintTimer.None : c.Stage switch
    {
        ComplaintStage.Recorded => ComplaintTimer.FirstResponse,
        ComplaintStage.SolutionInProgress => ComplaintTimer.Measure,
        ComplaintStage.AwaitingFollowUp => ComplaintTimer.FollowUp,
        _ => ComplaintTimer.None,
    };

    private static readonly System.Linq.Expressions.Expression<Func<ComplaintCase, ComplaintRow>> Row = c =>
        new ComplaintRow(c.Id, c.Stage, c.ReceivedAtUtc, c.ComplainantName, c.Channel, c.Matter, c.Product, c.CurrentRound, c.NextDueUtc);
}
