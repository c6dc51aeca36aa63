using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Kpi;

/// <summary>The targets of a team and period kind, read and changed one metric at a time.</summary>
public sealed class KpiTargets(IDbContextFactory<OpsDb> dbFactory, MetricCatalogue catalogue, TimeProvider clock)
{
    /// <summary>The period kinds a KPI sheet (and its targets) is made for.</summary>
    public static readonly IReadOnlyList<PeriodKind> SheetKinds = [PeriodKind.Week, PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Year];

    public async Task<IReadOnlyList<KpiTarget>> ListAsync(Team team, PeriodKind kind, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.KpiTargets.AsNoTracking().Where(t => t.Team == team && t.PeriodKind == kind).ToListAsync(ct);
    }

    /// <summary>
    /// Sets (value) or removes (null) the team's target for a metric. <paramref name="version"/> is the version the
    /// editor saw (null when it saw no target): a target changed meanwhile is a conflict.
    /// </summary>
    public async Task<Outcome<KpiTarget?>> SetAsync(Actor actor, Team team, PeriodKind kind, string metricKey, double? value, long? version, CancellationToken ct = default)
    {
        // Targets are set by whoever may export the team's sheet: directors and managers, a supervisor for their own team.
        if (!actor.May(Permissions.ExportKpiSheets) || (actor.Roles is { } roles && !KpiAccess.TeamsFor(roles).Contains(team)))
        {
            return Outcome<KpiTarget?>.Invalid([Actor.NotPermitted]);
        }
        var metric = catalogue.Find(metricKey);
        if (metric is null || metric.Team != team)
        {
            return Outcome<KpiTarget?>.Invalid([new FieldError("Metric", "KpiMetricNotOfTeam")]);
        }
        if (!SheetKinds.Contains(kind))
        {
            return Outcome<KpiTarget?>.Invalid([new FieldError("PeriodKind", "KpiPeriodKindNotForSheets")]);
        }
        if (value is { } v && KpiRules.TargetError(metric, v) is { } error)
        {
            return Outcome<KpiTarget?>.Invalid([new FieldError("Value", error)]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var target = await db.KpiTargets.FirstOrDefaultAsync(t => t.Team == team && t.PeriodKind == kind && t.MetricKey == metricKey, ct);
        if (target?.Version != version)
        {
            return Outcome<KpiTarget?>.Conflict();
        }
        if (value is null)
        {
            if (target is not null)
            {
                db.KpiTargets.Remove(target);
            }
        }
        else
        {
            target ??= db.KpiTargets.Add(new KpiTarget { Team = team, PeriodKind = kind, MetricKey = metricKey }).Entity;
            target.Value = value.Value;
            target.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else saved the same target (unique index) or changed it since it was read.
            return Outcome<KpiTarget?>.Conflict();
        }
        return Outcome<KpiTarget?>.Done(value is null ? null : target);
    }
}
