using EcomOps.Domain.Audit;

namespace EcomOps.Console.Jobs;

/// <summary>Removes audit entries older than <c>Audit:RetentionDays</c>. Running it twice removes nothing more.</summary>
public sealed class AuditRetentionJob(AuditTrail trail, IConfiguration configuration, ILogger<AuditRetentionJob> logger)
{
    public const int DefaultRetentionDays = 730;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var days = configuration.GetValue("Audit:RetentionDays", DefaultRetentionDays);
        var removed = await trail.PurgeAsync(days, ct);
        logger.LogInformation("Audit retention removed {Removed} entries older than {Days} days", removed, days);
        return removed;
    }
}
