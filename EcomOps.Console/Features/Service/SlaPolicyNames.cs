using EcomOps.Domain.Service.Sla;
using Microsoft.Extensions.Localization;

namespace EcomOps.Console.Features.Service;

/// <summary>
/// The seeded default SLA policies are stored under English names ("Online chat"); a reader sees them in their
/// language. A policy a supervisor named (or renamed) is shown as typed.
/// </summary>
public static class SlaPolicyNames
{
    private static readonly Dictionary<string, string> DefaultKeys = SlaSettings.Default().Policies
        .ToDictionary(p => p.Name, p => $"SlaPolicy.Default.{string.Concat(p.Name.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..]))}", StringComparer.Ordinal);

    public static IEnumerable<string> Keys => DefaultKeys.Values;

    public static string PolicyName(this IStringLocalizer text, string name) =>
        DefaultKeys.TryGetValue(name, out var key) && text[key] is { ResourceNotFound: false } found ? found.Value : name;
}
