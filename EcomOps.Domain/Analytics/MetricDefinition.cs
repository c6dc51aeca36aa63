using System.Globalization;
using EcomOps.Domain.Org;

namespace EcomOps.Domain.Analytics;

/// <summary>What a metric's number counts in; decides its display and Excel format.</summary>
public enum MetricUnit
{
    Count,
    Percent,
    Minutes,
    Hours,
    Score,
    /// <summary>Money in yuan (revenue, average order value).</summary>
    Yuan,
}

public enum MetricDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>A rulebook area that contributes metrics (customer service, traffic, orders, …), named in both languages.</summary>
public sealed record MetricArea(string Key, string NameEn, string NameZh, int Order)
{
    public string Name(CultureInfo culture) => MetricText.Pick(culture, NameEn, NameZh);
}

/// <summary>
/// One metric of the catalogue: its name and formula in words in both languages, unit, direction, the team whose
/// KPI sheet carries it (null: a company figure) and whether it is measured per employee. Its value comes from the
/// one query of the <see cref="IMetricSource"/> that declares it.
/// </summary>
public sealed record MetricDefinition(
    string Key, string Area, string NameEn, string NameZh, string FormulaEn, string FormulaZh,
    MetricUnit Unit, MetricDirection Direction, Team? Team, bool PerEmployee)
{
    public string Name(CultureInfo culture) => MetricText.Pick(culture, NameEn, NameZh);

    public string Formula(CultureInfo culture) => MetricText.Pick(culture, FormulaEn, FormulaZh);

    public bool HigherIsBetter => Direction == MetricDirection.HigherIsBetter;
}

/// <summary>How a metric's value is shown: the screen and the workbook use the same rounding and the same pattern.</summary>
public static class MetricText
{
    public static bool IsChinese(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static string Pick(CultureInfo culture, string english, string chinese) => IsChinese(culture) ? chinese : english;

    /// <summary>The value as the screen shows it; "—" when there was nothing to measure.</summary>
    public static string Display(MetricUnit unit, double? value, CultureInfo culture) => value is not { } v ? "—" : unit switch
    {
        MetricUnit.Percent => v.ToString("0.0%", culture),
        MetricUnit.Count => v.ToString("#,##0", culture),
        MetricUnit.Yuan => "¥" + v.ToString("#,##0", culture),
        MetricUnit.Score => v.ToString("0.00", culture),
        // A duration says its unit: "165.8" alone could be minutes or hours.
        MetricUnit.Minutes => v.ToString("0.0", culture) + Pick(culture, " min", " 分钟"),
        MetricUnit.Hours => v.ToString("0.0", culture) + Pick(culture, " h", " 小时"),
        _ => v.ToString("0.0", culture),
    };

    /// <summary>The Excel number format matching <see cref="Display"/>.</summary>
    public static string ExcelFormat(MetricUnit unit) => unit switch
    {
        MetricUnit.Percent => "0.0%",
        MetricUnit.Count => "#,##0",
        MetricUnit.Yuan => "\"¥\"#,##0",
        MetricUnit.Score => "0.00",
        _ => "0.0",
    };
}
