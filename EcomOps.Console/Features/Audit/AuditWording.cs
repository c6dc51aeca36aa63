using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using EcomOps.Console.Localization;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.Audit;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Console.Features.Service;
using Microsoft.Extensions.Localization;

namespace EcomOps.Console.Features.Audit;

/// <summary>
/// The audit trail in the reader's words, for the page and its workbook alike: people by name (not sign-in or
/// employee id), records by what they are (an employee by name and number, a KPI target by team, period and metric,
/// a SKU by code), fields by name, stored codes (stages, roles, teams, languages, metrics, yes/no) translated, times
/// in the one date format, amounts as money and a KPI target as its metric's screens show it (90.0%, not 0.9).
/// Names are looked up once per list of entries, never per row.
/// </summary>
public sealed partial class AuditWording
{
    /// <summary>The audited entity types by the name the trail stores, to learn what a field holds.</summary>
    private static readonly Dictionary<string, Type> EntityTypes = typeof(AuditEntry).Assembly.GetTypes()
        .Where(t => typeof(IAudited).IsAssignableFrom(t) && t.IsClass)
        .GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<(string Entity, string Field), FieldKind> Kinds = new();

    /// <summary>Where the screens keep the words for a stored code, when not under the code type's own name.</summary>
    private static readonly Dictionary<string, string> EnumKeyPrefixes = new(StringComparer.Ordinal)
    {
        ["PeriodKind"] = "Analytics.PeriodKind",
        ["CountStatus"] = "Inventory.CountStatus",
        ["PurchaseOrderStatus"] = "Inventory.PoStatus",
        ["AnswerStatus"] = "Answers.Status",
        ["CalendarDayKind"] = "CalendarDays.Kind",
        ["ComplaintDepartment"] = "Department",
        ["ComplaintRootCause"] = "RootCause",
        ["TicketChannel"] = "Channel",
        ["TicketPriority"] = "Priority",
        ["TicketStatus"] = "Status",
    };

    private readonly IStringLocalizer L;
    private readonly DisplayFormat _format;
    private readonly MetricCatalogue? _metrics;
    private readonly IReadOnlyDictionary<string, string> _bySignIn;
    private readonly AuditRecords _records;

    private AuditWording(IStringLocalizer localizer, DisplayFormat format, MetricCatalogue? metrics,
        IReadOnlyDictionary<string, string> bySignIn, AuditRecords records)
    {
        L = localizer;
        _format = format;
        _metrics = metrics;
        _bySignIn = bySignIn;
        _records = records;
    }

    /// <summary>
    /// Reads the names of everyone the entries mention (as actor, or in a field) and of the records they change, once
    /// for all of them: one query for sign-ins, one per kind of record.
    /// </summary>
    public static async Task<AuditWording> ForAsync(IReadOnlyCollection<AuditEntry> entries, PeopleNames people, AuditTrail trail, IStringLocalizer localizer,
        DisplayFormat format, MetricCatalogue? metrics, CancellationToken ct = default)
    {
        var signIns = entries.SelectMany(e => new[] { e.ActorId, e.ActorName });
        var employeeIds = new List<int>();
        var signInValues = new List<string?>();
        foreach (var entry in entries)
        {
            foreach (var change in entry.Changes)
            {
                switch (KindOf(entry.EntityType, change.Field))
                {
                    case FieldKind.EmployeeId:
                        employeeIds.AddRange(new[] { change.Old, change.New }.Select(v => int.TryParse(v, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0));
                        break;
                    case FieldKind.SignIn:
                        signInValues.Add(change.Old);
                        signInValues.Add(change.New);
                        break;
                }
            }
        }
        return new AuditWording(localizer, format, metrics,
            await people.BySignInAsync(signIns.Concat(signInValues), ct), await trail.RecordsAsync(entries, employeeIds, ct));
    }

    public string When(AuditEntry entry) => _format.DateTime(entry.AtUtc);

    /// <summary>
    /// The person by full name; the console's own changes (jobs, API intake, start-up) as the console, naming the part
    /// that acted when it is not the plain system ("Console (automatic) · auto-assign").
    /// </summary>
    public string Who(AuditEntry entry) =>
        entry.ActorId is { } id && _bySignIn.TryGetValue(id, out var byId) ? byId
        : _bySignIn.TryGetValue(entry.ActorName, out var byName) ? byName
        : entry.ActorId is null && !entry.ActorName.Contains('@', StringComparison.Ordinal) ? L.AutomaticActor(entry.ActorName) ?? $"{L["Common.SystemActor"]} · {entry.ActorName}"
        : entry.ActorName;

    public string Action(AuditEntry entry) => L[$"Audit.{entry.Action}"];

    public string EntityName(string type) => Text($"Audit.EntityType.{type}", type);

    /// <summary>"Employee · 周杰 (E1)", "KPI target · Customer service · Month · Reply timeliness"; "Ticket #7" when the record has no name or is gone.</summary>
    public string Record(AuditEntry entry) =>
        RecordName(entry) is { } name ? $"{EntityName(entry.EntityType)} · {name}" : $"{EntityName(entry.EntityType)} #{entry.EntityKey}";

    private string? RecordName(AuditEntry entry) => entry.EntityType switch
    {
        nameof(Employee) when AuditRecords.IdOf(entry.EntityKey) is { } id && _records.Employees.TryGetValue(id, out var person) =>
            $"{person.FullName} ({person.EmployeeNumber})",
        nameof(KpiTarget) when AuditRecords.IdOf(entry.EntityKey) is { } id && _records.Targets.TryGetValue(id, out var target) =>
            $"{L[$"Team.{target.Team}"]} · {L[$"Analytics.PeriodKind.{target.PeriodKind}"]} · {Value(entry, nameof(KpiTarget.MetricKey), target.MetricKey)}",
        _ => _records.Label(entry.EntityType, entry.EntityKey),
    };

    public string FieldName(string field) => Text($"Audit.Field.{field}", SpelledOut(field));

    /// <summary>One change as a line: "Stage: Investigating → Solution in progress".</summary>
    public string Change(AuditEntry entry, FieldChange change) =>
        $"{FieldName(change.Field)}: {Value(entry, change.Field, change.Old)} → {Value(entry, change.Field, change.New)}";

    /// <summary>A stored value of one of the entry's fields as a reader says it; a value the console has no words for is shown as stored.</summary>
    public string Value(AuditEntry entry, string field, string? value)
    {
        if (value is null)
        {
            return "∅";
        }
        var entityType = entry.EntityType;
        switch (KindOf(entityType, field))
        {
            case FieldKind.Time when DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc):
                return _format.DateTime(utc);
            case FieldKind.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return _format.Date(date);
            case FieldKind.YesNo:
                return bool.TryParse(value, out var yes) ? L[yes ? "Common.Yes" : "Common.No"] : value;
            case FieldKind.EmployeeId:
                return AuditRecords.IdOf(value) is { } id && _records.Employees.TryGetValue(id, out var person) ? person.FullName : value;
            case FieldKind.Money when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var cents):
                return _format.Money(cents / 100m);
            case FieldKind.TargetValue when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var target)
                && MetricOfTarget(entry) is { } metric:
                return MetricText.Display(metric.Unit, target, CultureInfo.CurrentUICulture);
            case FieldKind.SignIn:
                return L.Person(_bySignIn, value);
            case FieldKind.Metric:
                return _metrics?.Find(value)?.Name(CultureInfo.CurrentUICulture) ?? value;
            case FieldKind.SlaPolicy:
                return L.PolicyName(value);
            case FieldKind.Language:
                return L.LanguageName(value);
            case FieldKind.Code when CodeName().IsMatch(value):
                var type = EnumName(entityType, field);
                return Text($"{(EnumKeyPrefixes.TryGetValue(type, out var prefix) ? prefix : type)}.{value}", Text($"{field}.{value}", value));
            default:
                return value;
        }
    }

    /// <summary>The metric a KPI target's entry is about: named in the entry itself when it created the target, else read with the page.</summary>
    private MetricDefinition? MetricOfTarget(AuditEntry entry)
    {
        var key = entry.Changes.FirstOrDefault(c => c.Field == nameof(KpiTarget.MetricKey)) is { } named ? named.New ?? named.Old
            : AuditRecords.IdOf(entry.EntityKey) is { } id && _records.Targets.TryGetValue(id, out var target) ? target.MetricKey
            : null;
        return key is null ? null : _metrics?.Find(key);
    }

    private string Text(string key, string fallback) => L[key] is { ResourceNotFound: false } found ? found.Value : fallback;

    /// <summary>"NextDueUtc" → "Next due", "SkuId" → "Sku".</summary>
    public static string SpelledOut(string codeName)
    {
        var name = Regex.Replace(codeName, "(Utc|Id)$", "");
        var words = Regex.Replace(name.Length > 0 ? name : codeName, "(?<=[a-z0-9])(?=[A-Z])", " ").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static string EnumName(string entityType, string field) =>
        Property(entityType, field)?.PropertyType is { } type ? (Nullable.GetUnderlyingType(type) ?? type).Name : field;

    private static PropertyInfo? Property(string entityType, string field) =>
        EntityTypes.TryGetValue(entityType, out var type) ? type.GetProperty(field, BindingFlags.Public | BindingFlags.Instance) : null;

    private static FieldKind KindOf(string entityType, string field) => Kinds.GetOrAdd((entityType, field), key =>
    {
        var property = Property(key.Entity, key.Field);
        var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type switch
        {
            _ when type == typeof(DateTime) => FieldKind.Time,
            _ when type == typeof(DateOnly) => FieldKind.Date,
            _ when type == typeof(bool) => FieldKind.YesNo,
            _ when type is { IsEnum: true } => FieldKind.Code,
            _ when type == typeof(long) && key.Field.EndsWith("Cents", StringComparison.Ordinal) => FieldKind.Money,
            _ when key.Entity == nameof(KpiTarget) && key.Field == nameof(KpiTarget.Value) => FieldKind.TargetValue,
            // An employee id beside its navigation ("ManagerId" next to "Manager", "AssigneeId" next to "Assignee").
            _ when (type == typeof(int)) && key.Field.EndsWith("Id", StringComparison.Ordinal)
                && EntityTypes[key.Entity].GetProperty(key.Field[..^2])?.PropertyType == typeof(Employee) => FieldKind.EmployeeId,
            // Who did something, stored as their sign-in ("CreatedBy", "CountedBy", "ProposedBy").
            _ when type == typeof(string) && (key.Field.EndsWith("By", StringComparison.Ordinal) || key.Field.EndsWith("ByName", StringComparison.Ordinal)) => FieldKind.SignIn,
            _ when type == typeof(string) && key.Field == "MetricKey" => FieldKind.Metric,
            _ when type == typeof(string) && key.Field.EndsWith("Language", StringComparison.Ordinal) => FieldKind.Language,
            _ when type == typeof(string) && key.Field == "SlaPolicyName" => FieldKind.SlaPolicy,
            _ when type == typeof(string) && key.Field is "Role" or "Status" => FieldKind.Code,
            // A field the entity no longer has: its stored times still read as times.
            null when key.Field.EndsWith("Utc", StringComparison.Ordinal) => FieldKind.Time,
            _ => FieldKind.AsStored,
        };
    });

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex CodeName();

    private enum FieldKind
    {
        AsStored,
        Time,
        Date,
        YesNo,
        Code,
        EmployeeId,
        SignIn,
        Metric,
        Language,
        SlaPolicy,
        Money,
        TargetValue,
    }
}
