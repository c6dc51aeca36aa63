using System.Globalization;

namespace EcomOps.Domain.Orders.Import;

/// <summary>
/// A problem with an export, named the way the user finds it in the file: file, row (as a spreadsheet numbers it, the
/// header being row 1), column, reason, the value found and, for a cross-check, the value expected.
/// </summary>
public sealed record ImportProblem(string File, int Row, string? Column, string Code, string? Value = null, string? Expected = null);

/// <summary>
/// Reads typed values out of one row of an export by column name, cleaning the platforms' quirks on the way (Excel
/// text tricks, stray tabs, <c>-</c> and <c>null</c> for empty) and recording a problem for each value that cannot be read.
/// </summary>
internal sealed class ExportSheet(string file, IReadOnlyDictionary<string, int> columns, TimeZoneInfo zone, List<ImportProblem> problems)
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy/MM/dd",
        "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm", "yyyy-MM-ddTHH:mm:ss",
    ];

    public string File => file;

    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>The cell, cleaned; empty when the column is absent or the cell is blank.</summary>
    public string Raw(CsvRecord row, string column)
    {
        if (!columns.TryGetValue(column, out var index) || index >= row.Cells.Count)
        {
            return "";
        }
        var value = row.Cells[index].Trim().Trim('\t').Trim();
        return value == "-" ? "" : value;
    }

    /// <summary>An id or code: the <c>="…"</c> text trick and a leading apostrophe are the exporter's, not the value's.</summary>
    public string Id(CsvRecord row, string column)
    {
        var value = Raw(row, column);
        if (value.StartsWith("=\"", StringComparison.Ordinal) && value.EndsWith('"') && value.Length >= 3)
        {
            value = value[2..^1];
        }
        return value.TrimStart('\'').Trim().Trim('\t').Trim();
    }

    /// <summary>Text a person wrote (names, addresses, notes, titles): kept as written, refused if already garbled.</summary>
    public string Text(CsvRecord row, string column)
    {
        var value = Raw(row, column);
        if (value.Length > 0 && ExportText.LooksLikeMojibake(value))
        {
            problems.Add(new ImportProblem(file, row.Row, column, "Mojibake", value));
        }
        return value;
    }

    /// <summary>An amount in yuan as cents, read by <see cref="Money.TryParse"/> (never rounded).</summary>
    public long? Amount(CsvRecord row, string column, bool required = true)
    {
        var value = Raw(row, column);
        if (value.Length == 0)
        {
            if (required && Has(column))
            {
                problems.Add(new ImportProblem(file, row.Row, column, "Required"));
            }
            return null;
        }
        if (!Money.TryParse(value, out var cents, out var problem))
        {
            problems.Add(new ImportProblem(file, row.Row, column, problem!, value));
            return null;
        }
        return cents;
    }

    /// <summary>A count of units for a whole order (no per-line limit): a positive whole number.</summary>
    public int? Count(CsvRecord row, string column)
    {
        var value = Raw(row, column).Replace(",", "", StringComparison.Ordinal);
        if (value.Length == 0)
        {
            problems.Add(new ImportProblem(file, row.Row, column, "Required"));
            return null;
        }
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
        {
            problems.Add(new ImportProblem(file, row.Row, column, "QuantityFormat", value));
            return null;
        }
        if (count <= 0)
        {
            problems.Add(new ImportProblem(file, row.Row, column, "QuantityOutOfRange", value));
            return null;
        }
        return count;
    }

    public int? Quantity(CsvRecord row, string column)
    {
        var value = Raw(row, column).Replace(",", "", StringComparison.Ordinal);
        if (value.Length == 0)
        {
            problems.Add(new ImportProblem(file, row.Row, column, "Required"));
            return null;
        }
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity))
        {
            problems.Add(new ImportProblem(file, row.Row, column, "QuantityFormat", value));
            return null;
        }
        if (quantity <= 0 || quantity > OrderRules.MaxQuantity)
        {
            problems.Add(new ImportProblem(file, row.Row, column, "QuantityOutOfRange", value));
            return null;
        }
        return quantity;
    }

    /// <summary>A wall-clock time in the company's zone (the back offices export China time), as UTC.</summary>
    public DateTime? Date(CsvRecord row, string column, bool required)
    {
        var value = Raw(row, column);
        if (value.Length == 0 || value.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            if (required)
            {
                problems.Add(new ImportProblem(file, row.Row, column, "Required"));
            }
            return null;
        }
        if (!DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) || local.Year < 2000)
        {
            problems.Add(new ImportProblem(file, row.Row, column, "DateInvalid", value));
            return null;
        }
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }

    public static Dictionary<string, int> Columns(IReadOnlyList<string> header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            columns.TryAdd(ExportLayout.HeaderName(header[i]), i);
        }
        return columns;
    }
}
