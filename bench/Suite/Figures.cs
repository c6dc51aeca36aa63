using System.Globalization;
using System.Text;

namespace EcomOps.Bench;

/// <summary>One figure of the suite: the median of its repetitions with min and max, beside its baseline from the same run.</summary>
internal sealed record Figure(string Benchmark, string Measure, string Unit, IReadOnlyList<double> Runs, string Baseline, IReadOnlyList<double>? BaselineRuns, string Goal, bool? Met)
{
    public double Median => Stats.Median(Runs);

    public string Ratio => BaselineRuns is { Count: > 0 } b && Stats.Median(b) > 0 ? $"{Median / Stats.Median(b):0.0}×" : "";
}

internal static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The nearest-rank percentile (p in 0..100).</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(sorted.Count * p / 100) - 1, 0, sorted.Count - 1)];
    }

    public static string Show(double value, string unit) => double.IsNaN(value) ? "—" : unit switch
    {
        "ms" => value < 10 ? value.ToString("0.0", CultureInfo.InvariantCulture) : value.ToString("#,0", CultureInfo.InvariantCulture),
        "%" => value.ToString("0.00", CultureInfo.InvariantCulture),
        "" when value == Math.Floor(value) => value.ToString("#,0", CultureInfo.InvariantCulture),
        _ => value.ToString(value < 10 ? "0.0" : "#,0", CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Writes a table into docs/BENCHMARKS.md between its markers (kept when present, appended under its heading when not):
/// the live-boards suite's (<c>suite</c>) and the catalogue's (<c>catalog</c>).
/// </summary>
internal static class Report
{
    public static string Table(IReadOnlyList<Figure> figures, string machine, TimeSpan took, string marker = "suite")
    {
        var md = new StringBuilder();
        md.AppendLine($"<!-- {marker}:start -->");
        md.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine}; the whole run took {took.TotalMinutes:0.0} min.");
        md.AppendLine("Each figure is the median of its repetitions (min–max beside it), with its baseline from the same run.");
        md.AppendLine();
        md.AppendLine("| benchmark | measure | median | min–max | baseline | baseline median | ratio | goal | met |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var f in figures)
        {
            var runs = f.Runs.Count == 0 ? "—" : $"{Stats.Show(f.Runs.Min(), f.Unit)}–{Stats.Show(f.Runs.Max(), f.Unit)}";
            var baseline = f.BaselineRuns is { Count: > 0 } b ? $"{Stats.Show(Stats.Median(b), f.Unit)} {f.Unit}" : "";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {f.Benchmark} | {f.Measure} | **{Stats.Show(f.Median, f.Unit)} {f.Unit}** | {runs} (n={f.Runs.Count}) | {f.Baseline} | {baseline} | {f.Ratio} | {f.Goal} | {f.Met switch { true => "yes", false => "**no**", null => "" }} |");
        }
        md.AppendLine($"<!-- {marker}:end -->");
        return md.ToString();
    }

    public static void Write(string docsFile, string table, string marker = "suite", string heading = "Live boards at scale: the suite (`bench/Suite`)")
    {
        var (start, end) = ($"<!-- {marker}:start -->", $"<!-- {marker}:end -->");
        var text = File.Exists(docsFile) ? File.ReadAllText(docsFile) : "# Benchmarks\n";
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? text[..from] + table.TrimEnd() + text[(to + end.Length)..]
            : text.TrimEnd() + $"\n\n## {heading}\n\n" + table;
        File.WriteAllText(docsFile, text);
    }
}
