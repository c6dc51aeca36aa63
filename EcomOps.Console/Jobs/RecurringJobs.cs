using EcomOps.Console.Features.Analytics;
using EcomOps.Console.Features.Catalog;
using EcomOps.Console.Features.Inventory;
using EcomOps.Console.Features.Orders;
using EcomOps.Console.Features.Service.Complaints;
using EcomOps.Domain.Analytics;
using Hangfire;
using Hangfire.Common;

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
    public const string ListingCompleteness = "catalog-listing-completeness";
    public const string ComplianceAudit = "catalog-compliance-audit";
    public const string ComplianceOverdue = "catalog-compliance-overdue";
    public const string CampaignClock = "campaign-clock";
    public const string CustomerAnalysis = "customer-analysis";
    public const string TrainingReminders = "training-reminders";
    public const string AppraisalReminders = "appraisal-reminders";
    public const string BusinessForecast = "business-forecast";
    public const string OptimisationScan = "optimisation-scan";
    public const string OverdueReferrals = "referral-overdue";
    public const string MailFetch = "mail-fetch";
    public const string MailSend = "mail-send";
    public const string FeedbackDigest = "feedback-digest";

    public IReadOnlyList<string> Ids { get; } =
    [
        AuditRetention, SlaSweep, OverdueComplaintMeasures, InventorySweep, ReorderPoints, AbcClassification, CountPlan,
        MonthlyKpiReport, WeeklyKpiReport, ReportRetention, OrderNotices, ListingCompleteness, ComplianceAudit, ComplianceOverdue, CampaignClock, CustomerAnalysis,
        TrainingReminders,
        AppraisalReminders,
        BusinessForecast,
        OptimisationScan,
        OverdueReferrals,
        MailFetch, MailSend,
        FeedbackDigest,
    ];

    /// <summary>
    /// What each job does, in both languages: the Hangfire dashboard (<c>/jobs</c>) shows this instead of the job's
    /// class and method, and cannot follow each reader's language.
    /// </summary>
    private static readonly Dictionary<Type, string> Names = new()
    {
        [typeof(AuditRetentionJob)] = "Audit retention: delete old audit entries · 审计日志清理",
        [typeof(SlaSweepJob)] = "SLA sweep: warnings and breaches of tickets · SLA 巡检（工单预警与超时）",
        [typeof(OrderNoticeJob)] = "Customer notifications: send the outbox · 发送客户通知",
        [typeof(OverdueMeasuresJob)] = "Complaints: overdue measures · 投诉整改措施逾期检查",
        [typeof(Features.Service.Referrals.OverdueReferralsJob)] = "Referrals: escalate those not answered in time · 转办逾期上报",
        [typeof(InventorySweepJob)] = "Inventory alerts sweep · 库存预警巡检",
        [typeof(ReorderPointJob)] = "Reorder points: recompute · 重新计算补货点",
        [typeof(AbcClassificationJob)] = "ABC classes: recompute · 重新计算 ABC 分类",
        [typeof(CountPlanJob)] = "Stock counts: plan the next tasks · 安排盘点任务",
        [typeof(ReportRetentionJob)] = "Report archive: remove expired workbooks · 清理过期报表",
        [typeof(ReportBuildJob)] = "KPI workbook: build one report · 生成 KPI 报表",
        [typeof(Features.Campaigns.CampaignClockJob)] = "Campaigns: start, end, escalate overdue tasks · 营销活动：开始、结束、逾期任务升级",
        [typeof(Features.People.TrainingReminderJob)] = "Training reminders and follow-ups · 培训提醒与跟进",
        [typeof(Features.People.AppraisalReminderJob)] = "Appraisals: remind each step's owner before its deadline · 绩效考核：截止前提醒各步骤负责人",
        [typeof(ListingCompletenessJob)] = "Listings: recompute completeness (stock moves) · 重新计算商品上架完整度",
        [typeof(ForecastJob)] = "Business forecast: revenue, orders and visitors for the next 12 weeks (weekly) · 经营预测：未来 12 周销售额、订单与访客（每周）",
        [typeof(OptimisationScanJob)] = "Optimisation board: find opportunities, measure the effect of done work (daily) · 优化看板：发现机会并评估已完成工作的效果（每天）",
        [typeof(Features.Service.Mail.MailFetchJob)] = "E-mail: read the mailboxes into tickets (every minute) · 收取邮箱邮件生成工单（每分钟）",
        [typeof(Features.Service.Mail.MailSendJob)] = "E-mail: send agents' replies (every minute) · 发送客服邮件回复（每分钟）",
        [typeof(Features.Service.Feedback.FeedbackDigestJob)] = "Customer feedback: last month's digest per department (monthly) · 客户意见与建议：各部门上月汇总（每月）",
        [typeof(CustomerAnalysisJob)] = "Customers: RFM segments and products bought together (nightly) · 客户分群与关联购买分析（每晚）",
    };

    /// <summary>The compliance audit's job has three methods, each its own line on the dashboard.</summary>
    private static readonly Dictionary<string, string> AuditNames = new()
    {
        [nameof(ComplianceAuditJob.RunScheduledAsync)] = "Compliance audit of listings (weekly) · 商品定期合规审核（每周）",
        [nameof(ComplianceAuditJob.RunOnDemandAsync)] = "Compliance audit of listings (run now) · 商品合规审核（立即运行）",
        [nameof(ComplianceAuditJob.PauseOverdueAsync)] = "Compliance audit: pause listings with overdue findings · 暂停整改逾期的商品",
    };

    /// <summary>The name the jobs dashboard shows for a job (recurring or queued).</summary>
    public static string DisplayName(Job job) =>
        job.Type == typeof(ScheduledReportJob) && job.Args.FirstOrDefault() is PeriodKind kind
            ? kind == PeriodKind.Month ? "KPI workbook of last month (every team) · 上月 KPI 报表（全部团队）" : "KPI workbook of last week (every team) · 上周 KPI 报表（全部团队）"
        : job.Type == typeof(ComplianceAuditJob) && AuditNames.TryGetValue(job.Method.Name, out var audit) ? audit
        : Names.TryGetValue(job.Type, out var name) ? name
        : $"{job.Type.Name}.{job.Method.Name}";

    public void RegisterAll()
    {
        var zone = Domain.Time.CompanyTime.FindZone(configuration["Company:TimeZone"]);
        var options = new RecurringJobOptions { TimeZone = zone };
        manager.AddOrUpdate<AuditRetentionJob>(AuditRetention, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:AuditRetention:Cron"] ?? "30 3 * * *", options);
        manager.AddOrUpdate<SlaSweepJob>(SlaSweep, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        manager.AddOrUpdate<Features.Service.Mail.MailFetchJob>(MailFetch, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        manager.AddOrUpdate<Features.Service.Mail.MailSendJob>(MailSend, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        manager.AddOrUpdate<Features.Orders.OrderNoticeJob>(OrderNotices, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        manager.AddOrUpdate<Features.Service.Complaints.OverdueMeasuresJob>(OverdueComplaintMeasures, job => job.RunAsync(CancellationToken.None), Cron.Hourly(), options);
        manager.AddOrUpdate<Features.Service.Referrals.OverdueReferralsJob>(OverdueReferrals, job => job.RunAsync(CancellationToken.None), "*/5 * * * *", options);
        manager.AddOrUpdate<Features.Service.Feedback.FeedbackDigestJob>(FeedbackDigest, job => job.RunAsync(CancellationToken.None), "30 3 1 * *", options);
        manager.AddOrUpdate<Features.Inventory.InventorySweepJob>(InventorySweep, job => job.RunAsync(CancellationToken.None), "*/15 * * * *", options);
        manager.AddOrUpdate<ListingCompletenessJob>(ListingCompleteness, job => job.RunAsync(CancellationToken.None), "5-59/15 * * * *", options);
        manager.AddOrUpdate<ComplianceAuditJob>(ComplianceAudit, job => job.RunScheduledAsync(CancellationToken.None),
            configuration["Catalog:Audit:Cron"] ?? ComplianceAuditJob.DefaultCron, options);
        manager.AddOrUpdate<ComplianceAuditJob>(ComplianceOverdue, job => job.PauseOverdueAsync(CancellationToken.None), "20 * * * *", options);
        manager.AddOrUpdate<Features.Inventory.ReorderPointJob>(ReorderPoints, job => job.RunAsync(CancellationToken.None), "10 2 * * *", options);
        // On the first day of the month / week, early: the workbook of the period that just ended.
        manager.AddOrUpdate<Features.Analytics.ScheduledReportJob>(MonthlyKpiReport, job => job.RunAsync(Domain.Analytics.PeriodKind.Month, CancellationToken.None),
            configuration["Jobs:MonthlyKpiReport:Cron"] ?? "0 6 1 * *", options);
        manager.AddOrUpdate<Features.Analytics.ScheduledReportJob>(WeeklyKpiReport, job => job.RunAsync(Domain.Analytics.PeriodKind.Week, CancellationToken.None),
            configuration["Jobs:WeeklyKpiReport:Cron"] ?? "0 6 * * 1", options);
        manager.AddOrUpdate<Features.Analytics.ReportRetentionJob>(ReportRetention, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:ReportRetention:Cron"] ?? "45 3 * * *", options);
        manager.AddOrUpdate<Features.Inventory.AbcClassificationJob>(AbcClassification, job => job.RunAsync(CancellationToken.None), "30 1 * * 1", options);
        manager.AddOrUpdate<Features.Campaigns.CampaignClockJob>(CampaignClock, job => job.RunAsync(CancellationToken.None), "*/15 * * * *", options);
        manager.AddOrUpdate<Features.People.TrainingReminderJob>(TrainingReminders, job => job.RunAsync(CancellationToken.None),
            configuration["Training:Reminder:Cron"] ?? "*/5 * * * *", options);
        manager.AddOrUpdate<Features.People.AppraisalReminderJob>(AppraisalReminders, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:AppraisalReminders:Cron"] ?? "0 * * * *", options);
        manager.AddOrUpdate<Features.Inventory.CountPlanJob>(CountPlan, job => job.RunAsync(CancellationToken.None), "0 3 * * *", options);
        // Nightly, never on a page load: a refresh reads every order.
        manager.AddOrUpdate<CustomerAnalysisJob>(CustomerAnalysis, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:CustomerAnalysis:Cron"] ?? "30 2 * * *", options);
        // Monday early, on the history up to Sunday: one stored forecast a week (a second run replaces it).
        manager.AddOrUpdate<ForecastJob>(BusinessForecast, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:BusinessForecast:Cron"] ?? "15 4 * * 1", options);
        // Daily, after the night's customer analysis and on Mondays after the forecast: yesterday's figures are complete.
        manager.AddOrUpdate<OptimisationScanJob>(OptimisationScan, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:OptimisationScan:Cron"] ?? "45 4 * * *", options);
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
