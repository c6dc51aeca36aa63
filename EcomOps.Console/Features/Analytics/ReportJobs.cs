using System.Globalization;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Reports;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Hangfire;
using Microsoft.Extensions.Localization;

namespace EcomOps.Console.Features.Analytics;

/// <summary>Builds one stored report. A failure is recorded on the report and retried; a ready report is not built again.</summary>
public sealed class ReportBuildJob(ReportArchive archive, IStringLocalizer<UiText> text)
{
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [15, 60])]
    public Task RunAsync(int reportId, CancellationToken ct) => archive.BuildAsync(reportId, culture => TextIn(text, culture), ct);

    /// <summary>The UI texts in a given language, whatever the culture of the thread the job runs on.</summary>
    public static Func<string, string> TextIn(IStringLocalizer localizer, CultureInfo culture) => key =>
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return localizer[key];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    };
}

/// <summary>
/// The recurring KPI workbooks: on the first day of a month (or week) the workbook of the period that just ended,
/// every team, in the configured language. Triggered twice, it still stores one report and builds it once.
/// </summary>
public sealed class ScheduledReportJob(ReportArchive archive, ReportBuildJob build, CompanyTime time, IConfiguration configuration)
{
    public const string DefaultCulture = "zh-Hans";

    public async Task RunAsync(PeriodKind kind, CancellationToken ct)
    {
        var period = ReportPeriod.Containing(kind, time.Today).Previous();
        var culture = configuration["Analytics:ReportCulture"] ?? DefaultCulture;
        var (id, needsBuild) = await archive.RequestAsync(new ReportRequest(period, Enum.GetValues<Team>(), culture), scheduled: true, by: null, ct);
        if (needsBuild)
        {
            await build.RunAsync(id, ct);
        }
    }
}

/// <summary>Removes stored reports older than the retention (Analytics:ReportRetentionDays).</summary>
public sealed class ReportRetentionJob(ReportArchive archive)
{
    public Task RunAsync(CancellationToken ct) => archive.RemoveExpiredAsync(ct);
}

/// <summary>
/// At start-up: builds that were queued or running when the console stopped are started again (the in-memory job
/// store forgot them, and the archive would otherwise show them queued for ever).
/// </summary>
internal sealed class UnfinishedReportRequeue(ReportArchive archive, IBackgroundJobClient jobs, ILogger<UnfinishedReportRequeue> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var ids = await archive.RequeueUnfinishedAsync(cancellationToken);
        foreach (var id in ids)
        {
            jobs.Enqueue<ReportBuildJob>(job => job.RunAsync(id, CancellationToken.None));
        }
        if (ids.Count > 0)
        {
            logger.LogInformation("Started again {Count} report builds left unfinished by the last stop", ids.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The nightly customer analysis (segments, products bought together), stored for the customer pages.</summary>
public sealed class CustomerAnalysisJob(Domain.Analytics.Customers.CustomerInsights insights)
{
    public Task RunAsync(CancellationToken ct) => insights.RefreshAsync(ct);
}

/// <summary>The weekly business forecast, stored so that the forecast page can later set it against what happened.</summary>
public sealed class ForecastJob(Domain.Analytics.Forecast.BusinessForecasts forecasts)
{
    public Task RunAsync(CancellationToken ct) => forecasts.StoreWeeklyAsync(ct: ct);
}

/// <summary>The daily optimisation scan: findings opened, refreshed, resolved, moved to measuring and measured (safe to run twice).</summary>
public sealed class OptimisationScanJob(Domain.Analytics.Optimisation.OptimisationScan scan)
{
    public Task RunAsync(CancellationToken ct) => scan.RunAsync(ct);
}

public static class AnalyticsConsoleSetup
{
    public static IServiceCollection AddAnalyticsConsole(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ReportSettings(sp.GetRequiredService<IConfiguration>().GetValue("Analytics:ReportRetentionDays", 400)));
        services.AddTransient<ReportBuildJob>();
        services.AddTransient<ScheduledReportJob>();
        services.AddTransient<ReportRetentionJob>();
        services.AddTransient<CustomerAnalysisJob>();
        services.AddTransient<ForecastJob>();
        services.AddTransient<OptimisationScanJob>();
        services.AddHostedService<UnfinishedReportRequeue>();
        return services;
    }
}
