using EcomOps.Domain.Catalog.Compliance;
using EcomOps.Domain.Data;
using Hangfire;

namespace EcomOps.Console.Features.Catalog;

/// <summary>
/// The compliance audit (定期审核): weekly on the cron of <c>Catalog:Audit:Cron</c>, and on demand when a manager asks
/// from the audit page (queued here, so it runs on the job server, not in their circuit). The auditor runs a period
/// once however often it is triggered; one run at a time is the rule on top. Between runs, an hourly sweep pauses
/// listings whose findings went past their deadline.
/// </summary>
public sealed class ComplianceAuditJob(ComplianceAuditor auditor, ILogger<ComplianceAuditJob> logger)
{
    public const string DefaultCron = "0 2 * * 1";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0, LogEvents = false, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task RunScheduledAsync(CancellationToken ct) => RunAsync(ComplianceAuditor.Scheduler, AuditTrigger.Scheduled, ct);

    /// <summary>A person's "run now": their roles go with it, so the auditor asks the same question the page did.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0, LogEvents = false, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task RunOnDemandAsync(string? userId, string name, string[] roles, CancellationToken ct) =>
        RunAsync(new Actor(userId, name, roles), AuditTrigger.OnDemand, ct);

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0, LogEvents = false, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task PauseOverdueAsync(CancellationToken ct)
    {
        var paused = await auditor.PauseOverdueAsync(ct);
        if (paused > 0)
        {
            logger.LogInformation("Compliance audit: {Paused} listings paused for overdue findings", paused);
        }
    }

    private async Task RunAsync(Actor actor, AuditTrigger trigger, CancellationToken ct)
    {
        var outcome = await auditor.RunAsync(actor, trigger, ct);
        if (!outcome.Succeeded)
        {
            logger.LogWarning("Compliance audit refused for {Actor}: {Errors}", actor.Name, string.Join(", ", outcome.Errors));
            return;
        }
        var run = outcome.Value!.Run;
        logger.LogInformation(
            "Compliance audit {Period} {What}: {Checked} listings checked, {Passed} passed, {Opened} findings opened, {Closed} closed, {Open} open, {Paused} paused",
            run.PeriodKey, outcome.Value.RanNow ? "ran" : "had already run", run.ListingsChecked, run.ListingsPassed, run.FindingsOpened,
            run.FindingsClosed, run.FindingsStillOpen, run.ListingsPaused);
    }
}
