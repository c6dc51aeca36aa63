using System.Globalization;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Audit;

/// <summary>An employee as the trail names them: by name, with the number that tells two namesakes apart.</summary>
public sealed record NamedEmployee(string FullName, string EmployeeNumber);

/// <summary>What a KPI target aims at; its metric's unit decides how the target's value reads.</summary>
public sealed record TargetedMetric(Team Team, PeriodKind PeriodKind, string MetricKey);

/// <summary>
/// The records a list of audit entries refers to, read once for the whole list — one query per kind of record it
/// names, never one per row: employees (the entry's record or an employee-id field), KPI targets, and SKUs,
/// suppliers, warehouses and sales channels by their code or name. A record deleted since is simply not found.
/// </summary>
public sealed class AuditRecords
{
    public static readonly AuditRecords None = new(new Dictionary<int, NamedEmployee>(), new Dictionary<int, TargetedMetric>(), new Dictionary<(string, int), string>());

    private readonly IReadOnlyDictionary<(string Type, int Id), string> _labels;

    private AuditRecords(IReadOnlyDictionary<int, NamedEmployee> employees, IReadOnlyDictionary<int, TargetedMetric> targets, IReadOnlyDictionary<(string, int), string> labels)
    {
        Employees = employees;
        Targets = targets;
        _labels = labels;
    }

    public IReadOnlyDictionary<int, NamedEmployee> Employees { get; }

    public IReadOnlyDictionary<int, TargetedMetric> Targets { get; }

    /// <summary>A SKU's code, a supplier's or sales channel's name, a warehouse's code and name; null when not one of those or gone.</summary>
    public string? Label(string entityType, string entityKey) =>
        IdOf(entityKey) is { } id && _labels.TryGetValue((entityType, id), out var label) ? label : null;

    public static int? IdOf(string? key) => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <param name="employeeIds">Employees the entries' fields mention, read in the same query as the employee records.</param>
    internal static async Task<AuditRecords> ReadAsync(OpsDb db, IReadOnlyCollection<AuditEntry> entries, IEnumerable<int> employeeIds, CancellationToken ct)
    {
        List<int> Ids(string type) => [.. entries.Where(e => e.EntityType == type).Select(e => IdOf(e.EntityKey)).OfType<int>().Distinct()];

        var people = Ids(nameof(Employee)).Concat(employeeIds).Distinct().ToList();
        var employees = people.Count == 0 ? [] : await db.Employees.AsNoTracking().Where(e => people.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => new NamedEmployee(e.FullName, e.EmployeeNumber), ct);
        var targetIds = Ids(nameof(KpiTarget));
        var targets = targetIds.Count == 0 ? [] : await db.Set<KpiTarget>().AsNoTracking().Where(t => targetIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => new TargetedMetric(t.Team, t.PeriodKind, t.MetricKey), ct);

        var labels = new Dictionary<(string, int), string>();
        async Task LabelAsync(string type, Func<List<int>, IQueryable<Labelled>> read)
        {
            var ids = Ids(type);
            foreach (var record in ids.Count == 0 ? [] : await read(ids).ToListAsync(ct))
            {
                labels[(type, record.Id)] = record.Label;
            }
        }
        await LabelAsync(nameof(Catalog.Sku), ids => db.Skus.Where(s => ids.Contains(s.Id)).Select(s => new Labelled(s.Id, s.Code)));
        await LabelAsync(nameof(Supplier), ids => db.Suppliers.Where(s => ids.Contains(s.Id)).Select(s => new Labelled(s.Id, s.Name)));
        await LabelAsync(nameof(Warehouse), ids => db.Warehouses.Where(w => ids.Contains(w.Id)).Select(w => new Labelled(w.Id, w.Code + " · " + w.Name)));
        await LabelAsync(nameof(Orders.SalesChannel), ids => db.SalesChannels.Where(c => ids.Contains(c.Id)).Select(c => new Labelled(c.Id, c.Name)));
        return new AuditRecords(employees, targets, labels);
    }

    private sealed record Labelled(int Id, string Label);
}
