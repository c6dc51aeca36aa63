using EcomOps.Console.Jobs;
using EcomOps.Domain.Catalog.Compliance;
using EcomOps.Domain.Data;
using EcomOps.Tests.Support;
using EcomOps.Console.Features.Catalog;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Jobs;

public sealed class ComplianceAuditJobTests : IDisposable
{
    private readonly OpsWebFactory _factory = new() { Settings = new Dictionary<string, string> { ["Catalog:Audit:Cron"] = "15 4 * * 3" } };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void The_weekly_audit_is_registered_with_the_configured_cron_in_the_company_zone()
    {
        _ = _factory.Server;
        using var connection = _factory.Services.GetRequiredService<JobStorage>().GetConnection();

        var audit = connection.GetRecurringJobs().Single(j => j.Id == RecurringJobs.ComplianceAudit);

        Assert.Equal(("15 4 * * 3", "Asia/Shanghai"), (audit.Cron, audit.TimeZoneId));
    }

    [Fact]
    public async Task Running_the_weekly_job_twice_writes_one_run_for_the_week()
    {
        _ = _factory.Server;
        var job = _factory.Services.GetRequiredService<ComplianceAuditJob>();

        await job.RunScheduledAsync(CancellationToken.None);
        await job.RunScheduledAsync(CancellationToken.None);

        // The demo data ran this week's audit already (and last week's): the job finds it and runs nothing more.
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var period = _factory.Services.GetRequiredService<ComplianceAuditor>().PeriodOf(DateTime.UtcNow);
        var run = Assert.Single(await db.Set<AuditRun>().Where(r => r.PeriodKey == period).ToListAsync());
        // The demo's run of this week is Monday's early in the week and a manager's from Wednesday on: either is this week's.
        Assert.True(run.Finished);
        Assert.Contains(run.Trigger, new[] { AuditTrigger.Scheduled, AuditTrigger.OnDemand });
        Assert.Equal(2, await db.Set<AuditRun>().CountAsync());
    }
}
