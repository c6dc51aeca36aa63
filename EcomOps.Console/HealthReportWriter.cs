using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcomOps.Console;

/// <summary>
/// <c>/health</c> answers for load balancers without a sign-in, so it says only whether each part is up,
/// never an exception or a connection string.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }
}
