using System.Globalization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Orders.Import;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Traffic;

/// <summary>A line that cannot be imported, with every reason (error codes).</summary>
public sealed record InvalidTrafficRow(int Line, string Text, IReadOnlyList<string> Reasons);

/// <summary>A report row whose key appears on several lines of the file, or whose period is stored already.</summary>
public sealed record DuplicateReportRow<TKey>(TKey Key, IReadOnlyList<int> Lines, bool AlreadyStored);

/// <summary>
/// What importing a report would do. <see cref="Rows"/> are the rows that would be written (for a key on several lines,
/// the last line). A file with problems (invalid lines, duplicates) is written only once the user confirms them.
/// </summary>
public sealed record ReportPreview<TRow, TKey>(string FileName, string? FileError, IReadOnlyList<TRow> Rows,
    IReadOnlyList<InvalidTrafficRow> Invalid, IReadOnlyList<DuplicateReportRow<TKey>> Duplicates)
{
    public bool HasProblems => Invalid.Count > 0 || Duplicates.Count > 0;

    public static ReportPreview<TRow, TKey> Refused(string fileName, string code) => new(fileName, code, [], [], []);
}

/// <summary>A valid report row: the line of the file it came from.</summary>
public interface ITrafficReportRow
{
    int Line { get; }
}

/// <summary>
/// The one import of the platforms' traffic reports (per channel, per source, per listing): the file is read and
/// cleaned by <see cref="TrafficReportFile"/>, each row checked, rows repeated in the file or overlapping what is stored
/// shown as duplicates (the last line wins, a stored period is replaced), and nothing written until the user has seen
/// and confirmed the problems; writing is all or nothing. A kind of report says only how its rows read and are stored.
/// </summary>
public abstract class TrafficReportImport<TRow, TKey>(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
    where TRow : ITrafficReportRow
    where TKey : notnull
{
    public const int MaxBytes = TrafficReportFile.MaxBytes;

    /// <summary>The report's columns, in the order <see cref="ParseAsync"/> receives its cells.</summary>
    public abstract IReadOnlyList<ReportColumn> Columns { get; }

    /// <summary>The column keys, as the page and an error message list them; an optional column in brackets.</summary>
    public string ColumnList => string.Join(",", Columns.Select(c => c.Optional ? $"[{c.Key}]" : c.Key));

    protected CompanyTime Time => time;

    protected IDbContextFactory<OpsDb> DbFactory => dbFactory;

    /// <summary>What the rows are checked against (mappings, listings), read once per file.</summary>
    protected abstract Task<object?> LoadContextAsync(OpsDb db, CancellationToken ct);

    /// <summary>The row, or the reasons it cannot be imported.</summary>
    protected abstract (TRow? Row, IReadOnlyList<string> Reasons) Parse(CsvRecord record, object? context, DateOnly today);

    protected abstract TKey KeyOf(TRow row);

    /// <summary>The keys among <paramref name="rows"/> whose period is stored already (an import replaces it).</summary>
    protected abstract Task<HashSet<TKey>> StoredKeysAsync(OpsDb db, IReadOnlyList<TRow> rows, CancellationToken ct);

    /// <summary>Removes the stored periods the rows replace and adds the rows; false (nothing saved) when more is stored than the preview knew.</summary>
    protected abstract Task<bool> ReplaceAsync(OpsDb db, IReadOnlyList<TRow> rows, IReadOnlySet<TKey> knownStored, ImportStamp stamp, CancellationToken ct);

    public async Task<ReportPreview<TRow, TKey>> PreviewAsync(string fileName, byte[] content, CancellationToken ct = default)
    {
        var table = TrafficReportFile.Read(content, Columns);
        if (table.FileError is { } error)
        {
            return ReportPreview<TRow, TKey>.Refused(fileName, error);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var context = await LoadContextAsync(db, ct);
        var today = time.Today;
        var valid = new List<TRow>();
        var invalid = table.Removed.Select(r => new InvalidTrafficRow(r.Row.Row, TrafficReportFile.Text(r.Row), [r.Reason])).ToList();
        foreach (var record in table.Rows)
        {
            var (row, reasons) = Parse(record, context, today);
            if (row is null)
            {
                invalid.Add(new InvalidTrafficRow(record.Row, TrafficReportFile.Text(record), reasons));
            }
            else
            {
                valid.Add(row);
            }
        }
        invalid.Sort((a, b) => a.Line.CompareTo(b.Line));
        var rows = valid.GroupBy(KeyOf).Select(g => g.Last()).OrderBy(r => r.Line).ToList();
        var stored = await StoredKeysAsync(db, rows, ct);
        var duplicates = valid.GroupBy(KeyOf)
            .Where(g => g.Count() > 1 || stored.Contains(g.Key))
            .Select(g => new DuplicateReportRow<TKey>(g.Key, g.Select(r => r.Line).ToList(), stored.Contains(g.Key)))
            .OrderBy(d => d.Lines[0]).ToList();
        return new ReportPreview<TRow, TKey>(fileName, null, rows, invalid, duplicates);
    }

    /// <summary>
    /// Writes the preview's rows (replacing stored periods) in one transaction. Refused when the file had an error, when
    /// its problems are not confirmed, or (conflict) when periods were stored since the preview was made.
    /// </summary>
    public async Task<Outcome<int>> CommitAsync(Actor actor, ReportPreview<TRow, TKey> preview, bool problemsConfirmed, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ImportPlatformReports))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        if (preview.FileError is not null || preview.Rows.Count == 0)
        {
            return Outcome<int>.Invalid([new FieldError("File", preview.FileError ?? "TrafficEmpty")]);
        }
        if (preview.HasProblems && !problemsConfirmed)
        {
            return Outcome<int>.Invalid([new FieldError("Confirm", "TrafficProblemsUnconfirmed")]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var known = preview.Duplicates.Where(d => d.AlreadyStored).Select(d => d.Key).ToHashSet();
        var file = preview.FileName.Length > 260 ? preview.FileName[..260] : preview.FileName;
        if (!await ReplaceAsync(db, preview.Rows, known, new ImportStamp(time.UtcNow, actor.Name, file), ct))
        {
            return Outcome<int>.Conflict();
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<int>.Done(preview.Rows.Count);
    }

    /// <summary>A company-local day as the reports write it; a platform reports a day once it is over.</summary>
    protected static DateOnly? Day(string text, DateOnly today, List<string> reasons)
    {
        if (!DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            reasons.Add("TrafficDateInvalid");
            return null;
        }
        if (day >= today)
        {
            reasons.Add("TrafficDateNotOver");
            return null;
        }
        return day;
    }

    /// <summary>Whole, non-negative counts (a thousands separator is the exporter's); one reason for the row however many fail.</summary>
    protected static int[]? Counts(IReadOnlyList<string> cells, int first, int count, List<string> reasons)
    {
        var numbers = new int[count];
        for (var n = 0; n < count; n++)
        {
            var text = cells[first + n].Replace(",", "", StringComparison.Ordinal);
            // An Excel cell holds a whole number as 123 (never 123.0 once read as "R"); anything else is not a count.
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out numbers[n]))
            {
                reasons.Add("TrafficNumberInvalid");
                return null;
            }
        }
        return numbers;
    }

    /// <summary>
    /// An amount of yuan as the back offices export it (¥1,234.50, 1234.5), in fen; an empty cell is "not reported" (null).
    /// More than two decimals or a negative amount is refused with <paramref name="code"/>, never rounded.
    /// </summary>
    protected static long? Money(string cell, string code, List<string> reasons)
    {
        var text = cell.Replace(",", "", StringComparison.Ordinal).TrimStart('¥', '￥').Trim();
        if (text.Length == 0)
        {
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan) || decimal.Round(yuan, 2) != yuan
            || yuan > 1_000_000_000m)
        {
            reasons.Add(code);
            return null;
        }
        return (long)(yuan * 100);
    }
}

/// <summary>Who imported which file when, written on every imported row.</summary>
public sealed record ImportStamp(DateTime AtUtc, string By, string File);
