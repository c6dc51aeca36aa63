using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Kpi;

/// <param name="Target">Each person's target (the team's too, unless the target is per person), pro-rated while the period runs.</param>
/// <param name="TeamTarget">What the team total is measured against: <see cref="KpiRules.TeamTarget"/>.</param>
/// <param name="PeriodTarget">The target for the whole period, as set.</param>
public sealed record KpiColumn(MetricDefinition Metric, double? Target, double? TeamTarget, double? PeriodTarget = null)
{
    public bool TargetIsPerPerson => KpiRules.TargetIsPerPerson(Metric);

    /// <summary>The target shown is a share of the period's (a count or amount in a running period).</summary>
    public bool IsProRated => Target != PeriodTarget;
}

public sealed record KpiCell(double? Value, double? Attainment);

/// <summary>One employee's row (or the team total, EmployeeId null): a cell per column of the sheet.</summary>
public sealed record KpiRow(int? EmployeeId, string EmployeeNumber, string Name, IReadOnlyList<KpiCell> Cells);

/// <summary>
/// A team's KPI sheet for a period: one row per employee with their KPIs, the team's targets and attainment, and the
/// team total. <see cref="HasData"/> is false for a period with nothing measured (the sheet says so, empty but valid).
/// </summary>
public sealed record KpiSheet(
    Team Team, ReportPeriod Period, string TimeZoneId, DateTime BuiltAtUtc,
    IReadOnlyList<KpiColumn> Columns, IReadOnlyList<KpiRow> Rows, KpiRow Total, MetricSnapshot Snapshot, double ElapsedShare = 1)
{
    /// <summary>The period is still running: counts and amounts are held to the share of their targets that has passed.</summary>
    public bool IsRunning => ElapsedShare is > 0 and < 1;

    /// <summary>Whether anything was measured: a period where every figure is missing or zero has no data.</summary>
    public bool HasData => Total.Cells.Any(c => c.Value is { } v && v != 0);

    public bool HasMetrics => Columns.Count > 0;

    public MetricRecords RecordsOf(KpiColumn column, int? employeeId) => Snapshot.RecordsOf(column.Metric.Key, employeeId);
}

/// <summary>Builds KPI sheets from the metric catalogue: the same figures the dashboards show.</summary>
public sealed class KpiSheets(IDbContextFactory<OpsDb> dbFactory, MetricCatalogue catalogue, KpiTargets targets, CompanyTime time)
{
    /// <summary>How many records behind each figure a sheet lists (the workbook's Sources sheet states it).</summary>
    public const int DefaultRecordCap = 50;

    public async Task<KpiSheet> BuildAsync(Team team, ReportPeriod period, int recordCap = DefaultRecordCap, CancellationToken ct = default)
    {
        // Figures each person has come first: they are what a manager reads row by row; team-only figures follow.
        var metrics = catalogue.ForTeam(team).OrderByDescending(m => m.PerEmployee).ToList();
        var targetKind = KpiTargets.SheetKinds.Contains(period.Kind) ? period.Kind : PeriodKind.Month;
        var teamTargets = (await targets.ListAsync(team, targetKind, ct)).ToDictionary(t => t.MetricKey, t => (double?)t.Value);
        var utc = period.ToUtc(time.Zone);
        var elapsed = KpiRules.ElapsedShare(utc, time.UtcNow);
        var columns = metrics.Select(m =>
        {
            var set = teamTargets.GetValueOrDefault(m.Key);
            var applied = KpiRules.ProRated(m, set, elapsed);
            return new KpiColumn(m, applied, applied, set);
        }).ToList();

        var snapshot = metrics.Count == 0 || period.IsFuture(time.Today)
            ? new MetricSnapshot(utc)
            : await catalogue.MeasureAsync(utc, new MeasureOptions(true, recordCap), metrics, ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = (await db.Employees.AsNoTracking().Where(e => e.Team == team)
            .Select(e => new { e.Id, e.EmployeeNumber, e.FullName, e.Active, e.Role }).ToListAsync(ct))
            .Where(e => KpiRules.EarnsFigures(e.Role)).ToList();

        KpiRow Row(int? id, string number, string name) => new(id, number, name, columns.Select(c =>
        {
            var value = id is null ? snapshot.Total(c.Metric.Key) : c.Metric.PerEmployee ? snapshot.Of(c.Metric.Key, id.Value) : null;
            return new KpiCell(value, KpiRules.Attainment(c.Metric, value, id is null ? c.TeamTarget : c.Target));
        }).ToList());

        var rows = staff
            .Select(e => (e.Active, Row: Row(e.Id, e.EmployeeNumber, e.FullName)))
            // Someone who left still appears for a period in which they have figures.
            .Where(x => x.Active || x.Row.Cells.Any(c => c.Value is not null))
            .Select(x => x.Row)
            .OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.EmployeeNumber, StringComparer.Ordinal)
            .ToList();
        // The team total of a per-person count is held to the target times the people on the sheet.
        columns = columns.Select(c => c with { TeamTarget = KpiRules.TeamTarget(c.Metric, c.Target, rows.Count) }).ToList();
        return new KpiSheet(team, period, time.Zone.Id, time.UtcNow, columns, rows, Row(null, "", ""), snapshot, elapsed);
    }
}
