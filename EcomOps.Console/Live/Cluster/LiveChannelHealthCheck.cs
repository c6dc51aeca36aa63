using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcomOps.Console.Live.Cluster;

/// <summary>
/// The live channel's part of <c>/health</c>: one server on its own is always healthy; a cluster server whose Redis
/// does not answer is Degraded, not Unhealthy — it still serves its own boards, so a load balancer keeps it.
/// </summary>
internal sealed class LiveChannelHealthCheck(ClusterLink link) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (link.Kind == LiveChannelKind.ThisServer)
        {
            return HealthCheckResult.Healthy("One server: no channel to other servers");
        }
        return await link.AnswersAsync() && !link.Paused
            ? HealthCheckResult.Healthy("Redis answers")
            : HealthCheckResult.Degraded("Redis does not answer: live updates between servers are paused");
    }
}
