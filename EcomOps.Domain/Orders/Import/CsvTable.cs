using System.Text;

namespace EcomOps.Domain.Orders.Import;

/// <summary>
/// One record of a CSV file and its row as a spreadsheet numbers it (1-based, the header being row 1): a cell with line
/// breaks inside it is still one row, however many lines of the file it takes.
/// </summary>
public sealed record CsvRecord(int Row, IReadOnlyList<string> Cells);

/// <summary>
/// RFC 4180 CSV as the back offices write it: quoted or bare cells, doubled quotes inside quotes, line breaks inside
/// quoted cells (buyer notes have them). A quote left open at the end of the file means the file was cut off.
/// Records are numbered the way a spreadsheet shows them: every record is a row (a blank line is an empty row), and a
/// line break inside a quoted cell does not start one.
/// </summary>
public static class CsvTable
{
    public static (List<CsvRecord> Records, bool Truncated) Parse(string text)
    {
        var records = new List<CsvRecord>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var inQuotes = false;
        var row = 1;
        var recordHasContent = false;

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    cell.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    inQuotes = true;
                    recordHasContent = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    recordHasContent = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    break;
                default:
                    cell.Append(c);
                    recordHasContent |= !char.IsWhiteSpace(c);
                    break;
            }
        }
        if (inQuotes)
        {
            cells.Add(cell.ToString());
            records.Add(new CsvRecord(row, [.. cells]));
            return (records, true);
        }
        EndRecord();
        return (records, false);

        void EndRecord()
        {
            cells.Add(cell.ToString());
            cell.Clear();
            if (recordHasContent)
            {
                records.Add(new CsvRecord(row, [.. cells]));
            }
            row++;
            cells.Clear();
            recordHasContent = false;
        }
    }

    /// <summary>The row (as <see cref="Parse"/> numbers them) that the end of <paramref name="text"/> lies in.</summary>
    public static int RowAtEnd(string text)
    {
        var row = 1;
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                // A doubled quote inside quotes toggles twice: no change, as it should be.
                inQuotes = !inQuotes;
            }
            else if (c == '\n' && !inQuotes)
            {
                row++;
            }
        }
        return row;
    }
}
