using EcomOps.Console.Jobs;
using EcomOps.Domain.Audit;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Jobs;

public sealed class RecurringJobTests : IDisposable
{
    private readonly OpsWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void Every_recurring_job_of_the_registry_is_registered_at_start_up()
    {
        _ = _factory.Server;
        var storage = _factory.Services.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();

        var registered = connection.GetRecurringJobs().Select(j => j.Id).ToList();

        Assert.Equal(_factory.Services.GetRequiredService<RecurringJobs>().Ids.Order(), registered.Order());
    }

    [Fact]
    public void Every_recurring_job_has_a_display_name_in_both_languages_on_the_dashboard()
    {
        _ = _factory.Server;
        var storage = _factory.Services.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();

        var names = connection.GetRecurringJobs().Select(j => RecurringJobs.DisplayName(j.Job)).ToList();

        Assert.Equal(_factory.Services.GetRequiredService<RecurringJobs>().Ids.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.DoesNotContain("RunAsync", n, StringComparison.Ordinal));
        Assert.All(names, n => Assert.Contains(n, ch => ch >= '\u4e00' && ch <= '\u9fff'));
    }

    [Fact]
    public async Task Triggering_audit_retention_runs_the_real_job_and_removes_old_entries()
    {
        _ = _factory.Server;
        var services = _factory.Services;
        await using (var db = await services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync())
        {
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = DateTime.UtcNow.AddDays(-(AuditRetentionJob.DefaultRetentionDays + 1)),
                ActorName = "old",
                EntityType = nameof(Employee),
                EntityKey = "1",
            });
            await db.SaveChangesAsync();
        }
        var trail = services.GetRequiredService<AuditTrail>();
        var before = (await trail.SearchAsync(new AuditQuery(Actor: "old"))).Total;

        ((IRecurringJobManagerV2)services.GetRequiredService<IRecurringJobManager>()).TriggerJob(RecurringJobs.AuditRetention);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await trail.SearchAsync(new AuditQuery(Actor: "old"))).Total > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Equal(1, before);
        Assert.Equal(0, (await trail.SearchAsync(new AuditQuery(Actor: "old"))).Total);
        Assert.True((await trail.SearchAsync(new AuditQuery(EntityType: nameof(Employee)))).Total > 0, "recent entries stay");
    }
}
