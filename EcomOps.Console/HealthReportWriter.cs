using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcomOps.Console;

/// <summary>
/// <c>/health</c> (readiness: the database and the job server answer; in a cluster, Redis too — a server that lost it
/// still serves its own boards, so it says Degraded, not Unhealthy) answers for load balancers without a sign-in,
/// so it says only whether each part is up and which engine it is, never an exception or a connection string.
/// <c>/health/live</c> (liveness) checks nothing: the process serves.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var database = context.RequestServices.GetRequiredService<EcomOps.Domain.Data.OpsDatabase>();
        var jobs = context.RequestServices.GetRequiredService<Hangfire.JobStorage>();
        var link = context.RequestServices.GetRequiredService<Live.Cluster.ClusterLink>();
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            // Which parts this server runs on (names of engines, never addresses): a cluster's servers should agree.
            uses = new
            {
                database = database.Provider.ToString(),
                jobs = jobs is Hangfire.InMemory.InMemoryStorage ? "InMemory" : "PostgreSql",
                live = link.Kind.ToString(),
            },
        }));
    }
}
