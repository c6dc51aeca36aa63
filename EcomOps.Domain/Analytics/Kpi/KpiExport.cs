using System.Globalization;
using EcomOps.Domain.Org;

namespace EcomOps.Domain.Analytics.Kpi;

/// <summary>Builds the KPI workbook of some teams for a period: what the download and the scheduled builds hand out.</summary>
public sealed class KpiExport(KpiSheets sheets, MetricCatalogue catalogue)
{
    public async Task<byte[]> BuildAsync(IReadOnlyList<Team> teams, ReportPeriod period, Func<string, string> text, CultureInfo culture,
        int recordCap = KpiSheets.DefaultRecordCap, Func<int, Task>? progress = null, CancellationToken ct = default)
    {
        // The teams' sheets are measured at the same time (see MetricCatalogue.MeasureAsync); progress is reported
        // here, on the caller's side, as each sheet is done.
        var building = teams.Select(team => Task.Run(() => sheets.BuildAsync(team, period, recordCap, ct), ct)).ToList();
        var pending = building.ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            await done;
            if (progress is not null)
            {
                await progress(80 * (teams.Count - pending.Count) / teams.Count);
            }
        }
        var built = (await Task.WhenAll(building)).ToList();
        var definitions = catalogue.Metrics.Where(m => m.Team is null || teams.Contains(m.Team.Value)).ToList();
        var bytes = KpiWorkbook.Build(built, definitions, text, culture, recordCap);
        return bytes;
    }

    public static string FileName(IReadOnlyList<Team> teams, ReportPeriod period) =>
        $"kpi-{(teams.Count == 1 ? teams[0].ToString().ToLowerInvariant() : "all")}-{period.Label}.xlsx";
}
