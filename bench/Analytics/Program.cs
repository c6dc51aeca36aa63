using System.Diagnostics;
using System.Globalization;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// The month's full KPI workbook over the Large demo data (100,000 tickets) with 200 employees.
//   dotnet run -c Release --project bench/Analytics -- seed <db-file>      fills the database (once)
//   dotnet run -c Release --project bench/Analytics -- measure <db-file>   builds last month's workbook, every team
//   dotnet run -c Release --project bench/Analytics -- sources <db-file>   times each metric source alone (where it goes)
//   dotnet run -c Release --project bench/Analytics -- trend <db-file>     a dashboard's day-by-day trend of last month, per metric
//   dotnet run -c Release --project bench/Analytics -- export <db-file>    the order list's export at its cap (100,000 orders, newest first)
// Seeding and measuring run in separate processes so the measured peak memory is the build's own.
if (args.Length != 2 || args[0] is not ("seed" or "measure" or "sources" or "trend" or "export"))
{
    Console.Error.WriteLine("usage: seed|measure|sources|trend|export <db-file>");
    return 2;
}
var services = new ServiceCollection();
services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
services.AddOpsDomain(_ => $"Data Source={Path.GetFullPath(args[1])}");
services.AddCompanyTime("Asia/Shanghai");
await using var provider = services.BuildServiceProvider();
var dbFactory = provider.GetRequiredService<IDbContextFactory<OpsDb>>();
// A database kept from an earlier build is brought to this build's schema first, as the console would.
await OpsDbSetup.MigrateAsync(dbFactory);

if (args[0] == "seed")
{
    var seeding = Stopwatch.StartNew();
    await provider.GetRequiredService<DemoDataGenerator>().SeedAsync(DemoSize.Large);
    await using var db = await dbFactory.CreateDbContextAsync();
    var existing = await db.Employees.CountAsync();
    for (var i = existing; i < 200; i++)
    {
        db.Employees.Add(new Employee
        {
            EmployeeNumber = $"B{i:D4}", FullName = $"Bench Agent {i:D3}", Email = $"bench{i}@ecomops.local",
            Team = Team.CustomerService, Role = Roles.CsAgent, HireDate = new DateOnly(2025, 1, 1),
        });
    }
    await db.SaveChangesAsync();
    // Spread the tickets over every customer-service employee so each row of the sheet has figures.
    var agents = await db.Employees.Where(e => e.Team == Team.CustomerService).Select(e => e.Id).OrderBy(id => id).ToListAsync();
    for (var k = 0; k < agents.Count; k++)
    {
        await db.Database.ExecuteSqlRawAsync("UPDATE Tickets SET AssigneeId = {0} WHERE AssigneeId IS NOT NULL AND Id % {1} = {2}", agents[k], agents.Count, k);
    }
    Console.WriteLine($"seeded: {await db.Employees.CountAsync()} employees, {await db.Tickets.CountAsync()} tickets in {seeding.Elapsed.TotalSeconds:0.0} s");
    return 0;
}

if (args[0] == "export")
{
    var watch = Stopwatch.StartNew();
    // The keys stand for the words; the language's one word the workbook reads for itself is its date format's.
    var file = await provider.GetRequiredService<OrderQueries>().ExportAsync(new OrderFilter(), OrderQueries.NewestFirst, key => key == "Lists.Export.Culture" ? "en" : key);
    using var exporting = Process.GetCurrentProcess();
    exporting.Refresh();
    Console.WriteLine(string.Join(Environment.NewLine,
        $"rows: {file.Rows} (capped: {file.Capped})",
        $"total: {watch.Elapsed.TotalSeconds:0.00} s",
        $"workbook: {file.Content.Length / 1024.0 / 1024.0:0.0} MB",
        $"peak working set: {exporting.PeakWorkingSet64 / 1024.0 / 1024.0:0} MB",
        $"allocated: {GC.GetTotalAllocatedBytes() / 1024.0 / 1024.0:0} MB"));
    return 0;
}

var time = provider.GetRequiredService<EcomOps.Domain.Time.CompanyTime>();
var period = ReportPeriod.Containing(PeriodKind.Month, time.Today).Previous();
if (args[0] == "sources")
{
    var utc = period.ToUtc(time.Zone);
    foreach (var source in provider.GetServices<IMetricSource>())
    {
        var watch = Stopwatch.StartNew();
        var totals = await source.MeasureAsync(utc, MeasureOptions.TotalsOnly, default);
        var totalsTime = watch.Elapsed;
        watch.Restart();
        var full = await source.MeasureAsync(utc, new MeasureOptions(true, KpiSheets.DefaultRecordCap), default);
        Console.WriteLine($"{source.Area.Key,-12} totals {totalsTime.TotalSeconds,7:0.00} s   per employee + records {watch.Elapsed.TotalSeconds,7:0.00} s   {full.Values.Count} figures");
    }
    return 0;
}
if (args[0] == "trend")
{
    var catalogueForTrend = provider.GetRequiredService<MetricCatalogue>();
    var days = period.Buckets();
    foreach (var metric in catalogueForTrend.Metrics)
    {
        var watch = Stopwatch.StartNew();
        await catalogueForTrend.SeriesAsync(metric.Key, days.Select(d => d.ToUtc(time.Zone)).ToList());
        Console.WriteLine($"{metric.Key,-36} {days.Count} days {watch.Elapsed.TotalSeconds,7:0.00} s");
    }
    return 0;
}
var catalogue = provider.GetRequiredService<MetricCatalogue>();
var teams = Enum.GetValues<Team>();

// The workbook as the console's download and scheduled builds make it (KpiExport: the teams' sheets measured at the same
// time, then written); its progress reaches 80 when the last sheet is measured, which splits queries from writing.
var total = Stopwatch.StartNew();
var queries = TimeSpan.Zero;
var bytes = await provider.GetRequiredService<KpiExport>().BuildAsync(teams, period, key => key, CultureInfo.GetCultureInfo("en"),
    progress: percent =>
    {
        if (percent >= 80)
        {
            queries = total.Elapsed;
        }
        return Task.CompletedTask;
    });
total.Stop();
var writing = total.Elapsed - queries;
using var process = Process.GetCurrentProcess();
process.Refresh();
var peak = process.PeakWorkingSet64;
var allocated = GC.GetTotalAllocatedBytes();
// What the workbook holds, counted from the same sheets (built again after the clock stopped).
var sheets = provider.GetRequiredService<KpiSheets>();
var built = new List<KpiSheet>();
foreach (var team in teams)
{
    built.Add(await sheets.BuildAsync(team, period));
}
Console.WriteLine(string.Join(Environment.NewLine,
    $"period: {period.Label}",
    $"rows: {built.Sum(s => s.Rows.Count)} employees, {built.Sum(s => s.Columns.Count)} metric columns",
    $"records listed in Sources: {built.Sum(s => s.Rows.Prepend(s.Total).Sum(r => s.Columns.Sum(c => s.RecordsOf(c, r.EmployeeId).Shown.Count)))}",
    $"queries: {queries.TotalSeconds:0.00} s",
    $"writing: {writing.TotalSeconds:0.00} s",
    $"total: {total.Elapsed.TotalSeconds:0.00} s",
    $"workbook: {bytes.Length / 1024.0 / 1024.0:0.0} MB",
    $"peak working set: {peak / 1024.0 / 1024.0:0} MB",
    $"allocated: {allocated / 1024.0 / 1024.0:0} MB"));
return 0;
