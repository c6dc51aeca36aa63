namespace EcomOps.Domain.Service.Sla;

/// <summary>The SLA engine reads only UTC instants; a local or unspecified time would silently shift deadlines by hours.</summary>
internal static class UtcInstant
{
    public static DateTime Require(DateTime value, string paramName) =>
        value.Kind == DateTimeKind.Utc
            ? value
            : throw new ArgumentException($"Expected a UTC instant (DateTimeKind.Utc), got {value.Kind}.", paramName);
}
