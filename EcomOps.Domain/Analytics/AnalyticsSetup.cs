using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.Analytics.Reports;
using EcomOps.Domain.Analytics.Sources;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.DemoData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcomOps.Domain.Analytics;

public static class AnalyticsSetup
{
    /// <summary>
    /// The catalogue and its areas' metric sources. Another area adds its metrics by registering its own
    /// <see cref="IMetricSource"/> (in its own setup), never by editing this list.
    /// </summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.AddSingleton<IMetricSource, ServiceMetricSource>();
        services.AddSingleton<IMetricSource, TrafficMetricSource>();
        services.AddSingleton<IMetricSource, SalesMetricSource>();
        services.AddSingleton<IMetricSource, CustomerMetricSource>();
        services.AddSingleton<IMetricSource, OperationsMetricSource>();
        services.AddSingleton<TrafficImport>();
        services.AddSingleton<SourceTrafficImport>();
        services.AddSingleton<ListingTrafficImport>();
        services.AddSingleton<TrafficSourceMapping>();
        services.AddSingleton<TrafficInsights>();
        services.AddSingleton<Customers.CustomerInsights>();
        services.AddSingleton<Customers.CustomerAnalysisQueries>();
        services.AddSingleton<Forecast.BusinessForecasts>();
        services.AddSingleton<Optimisation.OptimisationScan>();
        services.AddSingleton<Optimisation.OptimisationDesk>();
        services.AddSingleton<Optimisation.OptimisationOutcomes>();
        services.AddSingleton<MetricCatalogue>();
        services.AddSingleton<KpiTargets>();
        services.AddSingleton<KpiSheets>();
        services.AddSingleton<KpiExport>();
        services.TryAddSingleton(new ReportSettings());
        services.AddSingleton<ReportArchive>();
        services.AddSingleton<IDemoDataArea, TrafficDemoData>();
        services.AddSingleton<IDemoDataArea, TrafficBreakdownDemoData>();
        services.AddSingleton<IDemoDataArea, Customers.CustomerInsightDemoData>();
        services.AddSingleton<IDemoDataArea, Forecast.ForecastDemoData>();
        services.AddSingleton<IDemoDataArea, KpiTargetDemoData>();
        services.AddSingleton<IDemoDataArea, Optimisation.OptimisationDemoData>();
        return services;
    }
}
