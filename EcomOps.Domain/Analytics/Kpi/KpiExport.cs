using System.Globalization;
using EcomOps.Domain.Org;

namespace EcomOps.Domain.Analytics.Kpi;

/// <summary>Builds the KPI workbook of some teams for a period: what the download and the scheduled builds hand out.</summary>
public sealed class KpiExport(KpiSheets sheets, MetricCatalogue catalogue)
{
    public async Task<byte[]> BuildAsync(IReadOnlyList<Team> teams, ReportPeriod period, Func<string, string> text, CultureInfo culture,
        int recordCap = KpiSheets.DefaultRecordCap, Func<int, Task>? progress = null, CancellationToken ct = default)
    {
        var built = new List<KpiSheet>();
        foreach (var team in teams)
        {
            built.Add(await sheets.BuildAsync(team, period, recordCap, ct));
            if (progress is not null)
            {
                await progress(80 * built.Count / teams.Count);
            }
        }
        var definitions = catalogue.Metrics.Where(m => m.Team is null || teams.Contains(m.Team.Value)).ToList();
        var bytes = KpiWorkbook.Build(built, definitions, text, culture, recordCap);
        return bytes;
    }

    public static string FileName(IReadOnlyList<Team> teams, ReportPeriod period) =>
        $"kpi-{(teams.Count == 1 ? teams[0].ToString().ToLowerInvariant() : "all")}-{period.Label}.xlsx";
}
