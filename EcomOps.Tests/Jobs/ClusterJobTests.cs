using System.Collections.Concurrent;
using EcomOps.Console.Jobs;
using EcomOps.Domain.Data;
using EcomOps.Tests.Support;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;

namespace EcomOps.Tests.Jobs;

/// <summary>Hangfire in the cluster: every server's job server on the shared PostgreSQL storage (JobSetup.Storage).</summary>
public sealed class ClusterJobTests
{
    private static BackgroundJobServer Server(JobStorage storage, string name) => new(new BackgroundJobServerOptions
    {
        ServerName = name,
        WorkerCount = 1,
        SchedulePollingInterval = TimeSpan.FromMilliseconds(200),
        ServerCheckInterval = TimeSpan.FromSeconds(1),
        // Its own activator: Hangfire's process-wide one may belong to a web host of another test, stopped by now.
        Activator = new JobActivator(),
    }, storage);

    [Fact]
    public void The_embedded_default_keeps_its_jobs_in_memory()
    {
        Assert.IsType<Hangfire.InMemory.InMemoryStorage>(JobSetup.Storage(OpsDatabase.Sqlite("Data Source=x.db")));
    }

    [SkippableFact]
    public async Task A_recurring_job_due_on_two_servers_at_the_same_moment_runs_once_and_both_see_its_next_time()
    {
        PostgresServer.Require();
        await using var harness = await DomainHarness.StartAsync(provider: DatabaseProvider.PostgreSql);
        // Two servers: two storages on the one database, each with its own job server, as two console processes have.
        var (storageA, storageB) = (JobSetup.Storage(harness.Database), JobSetup.Storage(harness.Database));
        var key = Guid.NewGuid().ToString("N");
        var id = $"probe-{key}";
        new RecurringJobManager(storageA).AddOrUpdate(id, Job.FromExpression(() => ClusterProbe.Run(key)), Cron.Hourly());

        // Due now, for both servers' schedulers at once (as when the hour strikes on every server of the cluster).
        using (var connection = storageA.GetConnection())
        using (var write = connection.CreateWriteTransaction())
        {
            // The job was made two hours ago and this hour's run is due: an occurrence of its schedule has passed.
            var now = DateTime.UtcNow;
            var due = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
            write.SetRangeInHash($"recurring-job:{id}", [
                new("CreatedAt", JobHelper.SerializeDateTime(now.AddHours(-2))),
                new("NextExecution", JobHelper.SerializeDateTime(due))]);
            // The schedulers find due jobs by this set's score, the due time in Unix seconds.
            write.AddToSet("recurring-jobs", id, new DateTimeOffset(due).ToUnixTimeSeconds());
            write.Commit();
        }
        using (Server(storageA, "server-a"))
        using (Server(storageB, "server-b"))
        {
            var waited = TimeSpan.Zero;
            while (ClusterProbe.Runs.GetValueOrDefault(key) == 0 && waited < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
                waited += TimeSpan.FromMilliseconds(100);
            }
            // Both schedulers have polled many times over by now: a second run would have happened.
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        using var read = storageB.GetConnection();
        var entries = read.GetAllEntriesFromHash($"recurring-job:{id}")!;
        Assert.True(ClusterProbe.Runs.GetValueOrDefault(key) == 1,
            $"runs {ClusterProbe.Runs.GetValueOrDefault(key)}; {string.Join("; ", entries.Select(e => $"{e.Key}={e.Value}"))}");
        var next = JobHelper.DeserializeNullableDateTime(entries["NextExecution"]);
        Assert.True(next > DateTime.UtcNow, "the next run is the next hour, the same for both servers");
    }

    [SkippableFact]
    public async Task Jobs_enqueued_through_one_server_with_two_job_servers_taking_from_the_shared_queue_each_run_once()
    {
        PostgresServer.Require();
        await using var harness = await DomainHarness.StartAsync(provider: DatabaseProvider.PostgreSql);
        var (storageA, storageB) = (JobSetup.Storage(harness.Database), JobSetup.Storage(harness.Database));
        var keys = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid().ToString("N")).ToList();
        var client = new BackgroundJobClient(storageA);
        foreach (var key in keys)
        {
            client.Enqueue(() => ClusterProbe.Run(key));
        }

        using (Server(storageA, "server-a"))
        using (Server(storageB, "server-b"))
        {
            var waited = TimeSpan.Zero;
            while (keys.Any(k => ClusterProbe.Runs.GetValueOrDefault(k) == 0) && waited < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
                waited += TimeSpan.FromMilliseconds(100);
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var monitor = storageA.GetMonitoringApi();
        var failed = string.Join("; ", monitor.FailedJobs(0, 3).Select(j => j.Value.ExceptionMessage));
        Assert.True(keys.All(k => ClusterProbe.Runs.GetValueOrDefault(k) == 1),
            $"runs: {string.Join(",", keys.Select(k => ClusterProbe.Runs.GetValueOrDefault(k)))}; enqueued {monitor.EnqueuedCount("default")}, failed {monitor.FailedCount()}: {failed}; servers {monitor.Servers().Count}");
    }
}

/// <summary>The probe job of <see cref="ClusterJobTests"/>: counts its runs under its key (a public static method, as Hangfire stores it).</summary>
public static class ClusterProbe
{
    public static ConcurrentDictionary<string, int> Runs { get; } = new();

    public static void Run(string key) => Runs.AddOrUpdate(key, 1, (_, n) => n + 1);
}
