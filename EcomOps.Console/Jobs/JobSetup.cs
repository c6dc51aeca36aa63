using EcomOps.Domain.Org;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcomOps.Console.Jobs;

public static class JobSetup
{
    public const string DashboardPath = "/jobs";

    /// <summary>The schema of Hangfire's tables in the cluster's PostgreSQL database, beside the console's own.</summary>
    public const string PostgresSchema = "hangfire";

    /// <summary>
    /// Where the jobs live: in this process's memory on the embedded default (one server), and in the shared PostgreSQL
    /// database in the cluster, so that every server's job server takes from one queue and a recurring job runs once per
    /// cluster, whichever server's scheduler triggers it first. Hangfire makes its tables itself, in their own schema.
    /// </summary>
    public static JobStorage Storage(EcomOps.Domain.Data.OpsDatabase database)
    {
        if (database.Provider != EcomOps.Domain.Data.DatabaseProvider.PostgreSql)
        {
            return new InMemoryStorage();
        }
        var options = new Hangfire.PostgreSql.PostgreSqlStorageOptions
        {
            SchemaName = PostgresSchema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
        };
        return new Hangfire.PostgreSql.PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(database.ConnectionString, options), options);
    }

    public static IServiceCollection AddOpsJobs(this IServiceCollection services)
    {
        // The storage is this host's own singleton, never the process-wide JobStorage.Current, so two hosts in one
        // process (tests) never run each other's jobs.
        services.AddSingleton<JobStorage>(sp =>
        {
            // Hangfire's log provider is process-wide; point it at this host before the storage asks for a logger.
            GlobalConfiguration.Configuration.UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>()));
            return Storage(sp.GetRequiredService<EcomOps.Domain.Data.OpsDatabase>());
        });
        services.AddHangfire((sp, config) => config
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((sp, o) =>
        {
            o.WorkerCount = 2;
            o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        services.AddSingleton<RecurringJobs>();
        services.AddHostedService<RecurringJobRegistration>();
        services.AddTransient<AuditRetentionJob>();
        services.AddTransient<SlaSweepJob>();
        services.AddTransient<Features.Service.Complaints.OverdueMeasuresJob>();
        services.AddTransient<Features.Campaigns.CampaignClockJob>();
        services.AddTransient<Features.People.TrainingReminderJob>();
        services.AddTransient<Features.People.AppraisalReminderJob>();
        services.AddTransient<Features.Orders.OrderNoticeJob>();
        services.AddTransient<Features.Service.Mail.MailFetchJob>();
        services.AddTransient<Features.Service.Mail.MailSendJob>();
        services.AddTransient<Features.Service.Feedback.FeedbackDigestJob>();
        services.AddHostedService<Features.Service.Mail.MailIdleService>();
        services.AddTransient<Features.Inventory.InventorySweepJob>();
        services.AddTransient<Features.Catalog.ListingCompletenessJob>();
        services.AddSingleton<Features.Catalog.ListingCompletenessJob.Seen>();
        services.AddTransient<Features.Catalog.ComplianceAuditJob>();
        services.AddTransient<Features.Inventory.ReorderPointJob>();
        services.AddTransient<Features.Inventory.AbcClassificationJob>();
        services.AddTransient<Features.Inventory.CountPlanJob>();
        services.AddHostedService<SlaDeadlineScheduler>();
        services.AddSingleton<Live.OnShiftRegistry>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, Live.OnShiftCircuitHandler>();
        services.AddScoped<Live.CircuitKey>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, Live.PresenceCircuitHandler>();
        services.AddHostedService<AutoAssignService>();
        return services;
    }

    public static IEndpointConventionBuilder MapOpsJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        var storage = endpoints.ServiceProvider.GetRequiredService<JobStorage>();
        return endpoints.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new PermissionDashboardFilter(Permissions.RunJobs)],
            AsyncAuthorization = [],
            // The dashboard shows times in UTC and in English only: the title says so, in both languages.
            DashboardTitle = "EcomOps jobs · 定时任务 — times in UTC · 时间为 UTC",
            DisplayNameFunc = (_, job) => RecurringJobs.DisplayName(job),
            AppPath = "/",
        }, storage).RequireAuthorization(Permissions.RunJobs);
    }
}

/// <summary>
/// Hangfire's loggers through the host's logging. Hangfire keeps its log provider in a static, so a provider of a host
/// that has stopped (tests start several) answers with a silent logger instead of throwing.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : Hangfire.Logging.ILogProvider
{
    private readonly Hangfire.AspNetCore.AspNetCoreLogProvider _inner = new(factory);

    public Hangfire.Logging.ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : Hangfire.Logging.ILog
    {
        public static readonly SilentLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}

/// <summary>Lets into the dashboard only signed-in users whose role holds the permission (the endpoint checks it too).</summary>
internal sealed class PermissionDashboardFilter(string permission) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && Permissions.RolesFor(permission).Any(user.IsInRole);
    }
}

/// <summary>The job server is healthy while it has reported a heartbeat recently.</summary>
internal sealed class JobServerHealthCheck(JobStorage storage, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var servers = storage.GetMonitoringApi().Servers();
        var now = clock.GetUtcNow().UtcDateTime;
        var alive = servers.Count(s => s.Heartbeat is { } beat && now - beat < TimeSpan.FromMinutes(2));
        return Task.FromResult(alive > 0
            ? HealthCheckResult.Healthy($"{alive} job server(s) running")
            : HealthCheckResult.Unhealthy("No job server is running"));
    }
}
