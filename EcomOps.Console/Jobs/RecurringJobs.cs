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
    public const string InventorySweep = "inventory-sweep";
    public const string ReorderPoints = "inventory-reorder-points";
    public const string AbcClassification = "inventory-abc-classes";
    public const string CountPlan = "inventory-count-plan";
    public const string MonthlyKpiReport = "kpi-report-monthly";
    public const string WeeklyKpiReport = "kpi-report-weekly";
    public const string ReportRetention = "report-retention";
    public const string OrderNotices = "order-notices";

    public IReadOnlyList<string> Ids { get; } =
    [
        AuditRetention, SlaSweep, OverdueComplaintMeasures, InventorySweep, ReorderPoints, AbcClassification, CountPlan,
        MonthlyKpiReport, WeeklyKpiReport, ReportRetention, OrderNotices,
    ];

    public void RegisterAll()
    {
        var zone = Domain.Time.CompanyTime.FindZone(configuration["Company:TimeZone"]);
        var options = new RecurringJobOptions { TimeZone = zone };
        manager.AddOrUpdate<AuditRetentionJob>(AuditRetention, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:AuditRetention:Cron"] ?? "30 3 * * *", options);
        manager.AddOrUpdate<SlaSweepJob>(SlaSweep, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        manager.AddOrUpdate<Features.Orders.OrderNoticeJob>(OrderNotices, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        manager.AddOrUpdate<Features.Service.Complaints.OverdueMeasuresJob>(OverdueComplaintMeasures, job => job.RunAsync(CancellationToken.None), Cron.Hourly(), options);
        manager.AddOrUpdate<Features.Inventory.InventorySweepJob>(InventorySweep, job => job.RunAsync(CancellationToken.None), "*/15 * * * *", options);
        manager.AddOrUpdate<Features.Inventory.ReorderPointJob>(ReorderPoints, job => job.RunAsync(CancellationToken.None), "10 2 * * *", options);
        // On the first day of the month / week, early: the workbook of the period that just ended.
        manager.AddOrUpdate<Features.Analytics.ScheduledReportJob>(MonthlyKpiReport, job => job.RunAsync(Domain.Analytics.PeriodKind.Month, CancellationToken.None),
            configuration["Jobs:MonthlyKpiReport:Cron"] ?? "0 6 1 * *", options);
        manager.AddOrUpdate<Features.Analytics.ScheduledReportJob>(WeeklyKpiReport, job => job.RunAsync(Domain.Analytics.PeriodKind.Week, CancellationToken.None),
            configuration["Jobs:WeeklyKpiReport:Cron"] ?? "0 6 * * 1", options);
        manager.AddOrUpdate<Features.Analytics.ReportRetentionJob>(ReportRetention, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:ReportRetention:Cron"] ?? "45 3 * * *", options);
        manager.AddOrUpdate<Features.Inventory.AbcClassificationJob>(AbcClassification, job => job.RunAsync(CancellationToken.None), "30 1 * * 1", options);
        manager.AddOrUpdate<Features.Inventory.CountPlanJob>(CountPlan, job => job.RunAsync(CancellationToken.None), "0 3 * * *", options);
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
