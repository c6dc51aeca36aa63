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

/// <summary>One console for the class, with the weekly audit moved to Wednesdays 04:15.</summary>
public sealed class ComplianceAuditHost : IDisposable
{
    public OpsWebFactory Factory { get; } = new() { Settings = new Dictionary<string, string> { ["Catalog:Audit:Cron"] = "15 4 * * 3" } };

    public void Dispose() => Factory.Dispose();
}

public sealed class ComplianceAuditJobTests(ComplianceAuditHost host) : IClassFixture<ComplianceAuditHost>
{
    private readonly OpsWebFactory _factory = host.Factory;

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
        var before = DateTime.UtcNow;

        await job.RunScheduledAsync(CancellationToken.None);
        await job.RunScheduledAsync(CancellationToken.None);

        // The demo data ran this week's audit already (Monday's, or a manager's two days ago) and last week's: the job
        // finds it and runs nothing more.
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var period = _factory.Services.GetRequiredService<ComplianceAuditor>().PeriodOf(DateTime.UtcNow);
        var run = Assert.Single(await db.Set<AuditRun>().Where(r => r.PeriodKey == period).ToListAsync());
        Assert.True(run.Finished && run.StartedAtUtc < before);
        Assert.Equal(2, await db.Set<AuditRun>().CountAsync());
    }
}
