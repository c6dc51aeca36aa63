using Hangfire;

namespace EcomOps.Console.Jobs;

/// <summary>
/// The one registry of recurring jobs: every scheduled job of every area is listed here with its id and schedule,
/// and registered with AddOrUpdate at start-up, so a changed schedule replaces the old one.
/// </summary>
public sealed class RecurringJobs(IRecurringJobManager manager, IConfiguration configuration)
{
    public const string AuditRetention = "audit-retention";
    public const string SlaSweep = "sla-sweep";
    public const string OverdueComplaintMeasures = "complaint-overdue-measures";
    public const string OrderNotices = "order-notices";

    public IReadOnlyList<string> Ids { get; } = [AuditRetention, SlaSweep, OverdueComplaintMeasures, OrderNotices];

    public void RegisterAll()
    {
        var zone = Domain.Time.CompanyTime.FindZone(configuration["Company:TimeZone"]);
        var options = new RecurringJobOptions { TimeZone = zone };
        manager.AddOrUpdate<AuditRetentionJob>(AuditRetention, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:AuditRetention:Cron"] ?? "30 3 * * *", options);
        manager.AddOrUpdate<SlaSweepJob>(SlaSweep, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        manager.AddOrUpdate<Features.Orders.OrderNoticeJob>(OrderNotices, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        manager.AddOrUpdate<Features.Service.Complaints.OverdueMeasuresJob>(OverdueComplaintMeasures, job => job.RunAsync(CancellationToken.None), Cron.Hourly(), options);
    }
}

internal sealed class RecurringJobRegistration(RecurringJobs jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.RegisterAll();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
