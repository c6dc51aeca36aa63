namespace EcomOps.Domain.Data;

/// <summary>
/// The one rule for text that leaves the console in a spreadsheet (Excel workbooks and CSV reports): a cell that a
/// spreadsheet would run as a formula is kept inert, and invisible control characters are dropped.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>
    /// Text a spreadsheet would read as a formula: starting with = + - @, or with a tab or carriage return that some
    /// programs skip before finding the formula, or with the full-width signs an input method types.
    /// </summary>
    public static bool LooksLikeFormula(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '＝' or '＋' or '－' or '＠';

    /// <summary>The text for a CSV cell: a formula-like value gets a leading apostrophe, control characters go.</summary>
    public static string ForCsv(string value)
    {
        var text = TextRules.Strip(value);
        return LooksLikeFormula(text) ? "'" + text : text;
    }

    /// <summary>The text for a workbook cell written as text (the workbook marks formula-like cells with Excel's quote prefix).</summary>
    public static string ForWorkbook(string value) => TextRules.Strip(value);
}
