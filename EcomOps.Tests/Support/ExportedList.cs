using System.Globalization;
using System.Resources;
using ClosedXML.Excel;
using EcomOps.Domain.Data;

namespace EcomOps.Tests.Support;

/// <summary>An exported list read back: its header texts and its cells, as a test asserts on them.</summary>
public sealed class ExportedList : IDisposable
{
    private static readonly ResourceManager Resources = new("EcomOps.Console.Resources.UiText", typeof(EcomOps.Console.UiText).Assembly);
    private readonly XLWorkbook _workbook;

    public ExportedList(ListWorkbookFile file)
    {
        File = file;
        _workbook = new XLWorkbook(new MemoryStream(file.Content));
        Sheet = _workbook.Worksheets.Single();
    }

    public ListWorkbookFile File { get; }

    public IXLWorksheet Sheet { get; }

    /// <summary>The console's own text in a language, failing on a key the resources do not have.</summary>
    public static Func<string, string> Text(string culture) =>
        key => Resources.GetString(key, CultureInfo.GetCultureInfo(culture)) ?? throw new KeyNotFoundException($"No text for {key}");

    public IReadOnlyList<string> Headers =>
        [.. Sheet.Row(1).CellsUsed().Select(c => c.GetString())];

    public int Column(string header) => Headers.ToList().IndexOf(header) + 1 is > 0 and var c ? c : throw new KeyNotFoundException(header);

    /// <summary>The data rows' values in one column, top to bottom.</summary>
    public IReadOnlyList<IXLCell> Cells(string header) =>
        [.. Enumerable.Range(2, File.Rows).Select(r => Sheet.Cell(r, Column(header)))];

    public IReadOnlyList<string> Texts(string header) => [.. Cells(header).Select(c => c.GetString())];

    public void Dispose() => _workbook.Dispose();
}
