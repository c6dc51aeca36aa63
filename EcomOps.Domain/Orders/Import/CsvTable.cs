using System.Text;

namespace EcomOps.Domain.Orders.Import;

/// <summary>One record of a CSV file and the line (1-based, as a spreadsheet numbers rows) it starts on.</summary>
public sealed record CsvRecord(int Row, IReadOnlyList<string> Cells);

/// <summary>
/// RFC 4180 CSV as the back offices write it: quoted or bare cells, doubled quotes inside quotes, line breaks inside
/// quoted cells (buyer notes have them). A quote left open at the end of the file means the file was cut off.
/// </summary>
public static class CsvTable
{
    public static (List<CsvRecord> Records, bool Truncated) Parse(string text)
    {
        var records = new List<CsvRecord>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordStart = 1;
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
                    if (c == '\n')
                    {
                        line++;
                    }
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
                    line++;
                    recordStart = line;
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
            records.Add(new CsvRecord(recordStart, [.. cells]));
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
                records.Add(new CsvRecord(recordStart, [.. cells]));
            }
            cells.Clear();
            recordHasContent = false;
        }
    }
}
