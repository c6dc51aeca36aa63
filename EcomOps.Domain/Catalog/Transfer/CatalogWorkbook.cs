using System.Globalization;
using ClosedXML.Excel;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders.Import;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Catalog.Transfer;

/// <summary>
/// The catalogue as one workbook (<see cref="CatalogLayout"/>): products, their SKUs, listings and listings' channel
/// prices, exported for a filtered list and read back by <see cref="CatalogImport"/> unchanged. Keys identify rows —
/// a product by its ID, a SKU by its code, a listing by its product and channel code — and each record carries its
/// version, so an import can tell a row someone else changed since the export. Categories are written as their path,
/// brands by name, money as yuan with two decimals, text never as a formula.
/// </summary>
public sealed class CatalogWorkbook(IDbContextFactory<OpsDb> dbFactory)
{
    /// <summary>Most products (with their SKUs and listings) one export carries.</summary>
    public const int MaxProducts = 10_000;

    /// <summary>Most listings (with their prices) one export from the listings page carries.</summary>
    public const int MaxListings = 50_000;

    /// <summary>The products the filter gives, with their SKUs, listings and channel prices.</summary>
    public async Task<ListWorkbookFile> ExportProductsAsync(ProductFilter filter, CultureInfo culture, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (products, capped) = Cap(await CatalogQueries.IdsAsync(db, filter, MaxProducts, ct), MaxProducts);
        var listings = await ListingsOfAsync(db, db.Listings.Where(l => products.Contains(l.ProductId)), ct);
        return new ListWorkbookFile(await WriteAsync(db, products, listings, culture, ct), products.Count, capped);
    }

    /// <summary>The listings the filter gives, with their channel prices (the Products and SKUs sheets stay empty: the rows refer to them by key).</summary>
    public async Task<ListWorkbookFile> ExportListingsAsync(ListingFilter filter, CultureInfo culture, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (chosen, capped) = Cap(await ListingQueries.IdsAsync(db, filter, MaxListings, ct), MaxListings);
        var listings = await ListingsOfAsync(db, db.Listings.Where(l => chosen.Contains(l.Id)), ct);
        return new ListWorkbookFile(await WriteAsync(db, [], listings, culture, ct), listings.Count, capped);
    }

    /// <summary>The first <paramref name="max"/> ids of a read that took one more, and whether there were more.</summary>
    internal static (List<int> Ids, bool Capped) Cap(List<int> ids, int max) => ids.Count > max ? (ids[..max], true) : (ids, false);

    private static async Task<List<Listing>> ListingsOfAsync(OpsDb db, IQueryable<Listing> query, CancellationToken ct)
    {
        var channels = await db.SalesChannels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var listings = await query.AsNoTracking().Include(l => l.Prices).ToListAsync(ct);
        return [.. listings.OrderBy(l => l.ProductId).ThenBy(l => channels.GetValueOrDefault(l.ChannelId), StringComparer.Ordinal)];
    }

    private static async Task<byte[]> WriteAsync(OpsDb db, IReadOnlyList<int> productIds, IReadOnlyList<Listing> listings, CultureInfo culture, CancellationToken ct)
    {
        var paths = await CategoryPathsAsync(db, culture, ct);
        var brands = await db.Brands.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var channels = await db.SalesChannels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var products = new List<Product>(productIds.Count);
        var skus = new List<Sku>();
        foreach (var chunk in productIds.Chunk(500))
        {
            var found = await db.Products.AsNoTracking().Where(p => chunk.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            products.AddRange(chunk.Where(found.ContainsKey).Select(id => found[id]));
            skus.AddRange(await db.Skus.AsNoTracking().Where(s => s.ProductId != null && chunk.Contains(s.ProductId.Value)).ToListAsync(ct));
        }
        var order = products.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        skus = [.. skus.OrderBy(s => order[s.ProductId!.Value]).ThenBy(s => s.Code, StringComparer.Ordinal)];
        var listedProducts = listings.Select(l => l.ProductId).Distinct().ToList();
        var names = new Dictionary<int, string>();
        foreach (var chunk in listedProducts.Chunk(500))
        {
            foreach (var p in await db.Products.AsNoTracking().Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            {
                names[p.Id] = p.Name;
            }
        }
        var skuIds = listings.SelectMany(l => l.Prices).Select(p => p.SkuId).Distinct().ToList();
        var skuCodes = new Dictionary<int, string>();
        foreach (var chunk in skuIds.Chunk(500))
        {
            foreach (var s in await db.Skus.AsNoTracking().Where(s => chunk.Contains(s.Id)).Select(s => new { s.Id, s.Code }).ToListAsync(ct))
            {
                skuCodes[s.Id] = s.Code;
            }
        }

        using var workbook = new XLWorkbook();
        Sheet(workbook, CatalogSheet.Products, culture, products.Select(p => new ListCell[]
        {
            ListCell.Of(p.Id), ListCell.Of(p.Name), ListCell.Of(p.CategoryId is { } c ? paths.GetValueOrDefault(c) : null),
            ListCell.Of(p.BrandId is { } b ? brands.GetValueOrDefault(b) : null), ListCell.Of(p.Origin), ListCell.Of(p.Material), ListCell.Of(p.Instructions),
            ListCell.Of(p.AfterSales), ListCell.Of(p.SellingPoints), ListCell.Of(p.Description), ListCell.Of(CatalogLayout.YesNo(p.Active, culture)), ListCell.Of(p.Version),
        }));
        Sheet(workbook, CatalogSheet.Skus, culture, skus.Select(s => new ListCell[]
        {
            ListCell.Of(s.Code), ListCell.Of(s.ProductId!.Value), ListCell.Of(s.Name), ListCell.Of(s.Specification), ListCell.Of(s.Model), ListCell.Of(s.Barcode),
            ListCell.Money(s.ListPriceCents), ListCell.Money(s.UnitCostCents), ListCell.Of((double?)s.WeightGrams), ListCell.Of(s.PackSize),
            ListCell.Of(CatalogLayout.YesNo(s.Active, culture)), ListCell.Of(s.Version),
        }));
        Sheet(workbook, CatalogSheet.Listings, culture, listings.Select(l => new ListCell[]
        {
            ListCell.Of(l.ProductId), ListCell.Of(names.GetValueOrDefault(l.ProductId)), ListCell.Of(channels.GetValueOrDefault(l.ChannelId)), ListCell.Of(l.Title),
            ListCell.Of(l.SellingPoints), ListCell.Of(l.Description), ListCell.Of(CatalogLayout.StateName(l.State, culture)), ListCell.Of(l.Version),
        }));
        Sheet(workbook, CatalogSheet.ListingPrices, culture, listings.SelectMany(l => l.Prices
            .Select(p => (Code: skuCodes.GetValueOrDefault(p.SkuId) ?? "", p.PriceCents)).OrderBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => new ListCell[] { ListCell.Of(l.ProductId), ListCell.Of(channels.GetValueOrDefault(l.ChannelId)), ListCell.Of(p.Code), ListCell.Money(p.PriceCents) })));
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>Each category's path from the root in the reader's language ("服装 / 上衣", "Apparel / Tops").</summary>
    private static async Task<Dictionary<int, string>> CategoryPathsAsync(OpsDb db, CultureInfo culture, CancellationToken ct)
    {
        var all = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var parents = all.ToDictionary(c => c.Key, c => c.Value.ParentId);
        var chinese = Time.DateFormats.IsChinese(culture);
        return all.Keys.ToDictionary(id => id, id => Path(CategoryTree.PathTo(parents, id).Select(n => chinese ? all[n].NameZh : all[n].NameEn)));
    }

    internal static string Path(IEnumerable<string> names) => string.Join(CatalogLayout.PathSeparator, names);

    private static void Sheet(XLWorkbook workbook, CatalogSheet sheet, CultureInfo culture, IEnumerable<ListCell[]> rows)
    {
        var columns = CatalogLayout.Columns[sheet];
        var ws = workbook.Worksheets.Add(ListWorkbook.SheetName(CatalogLayout.SheetName(sheet, culture)));
        var widths = new int[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var header = columns[c].Header(culture);
            ListWorkbook.PutText(ws.Cell(1, c + 1), header);
            widths[c] = Math.Min(ListWorkbook.Width(header), 24);
        }
        ListWorkbook.StyleHeader(ws, columns.Count);
        var r = 1;
        foreach (var row in rows)
        {
            r++;
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], Put(ws.Cell(r, c + 1), row[c]));
            }
        }
        for (var c = 0; c < widths.Length; c++)
        {
            ws.Column(c + 1).Width = Math.Clamp(widths[c] + 2, 8, 50);
        }
    }

    /// <summary>Writes a cell and answers its width.</summary>
    private static int Put(IXLCell cell, ListCell value)
    {
        switch (value.Kind)
        {
            case ListCellKind.Money when value.Number is { } yuan:
                cell.SetValue(yuan);
                cell.Style.NumberFormat.Format = "0.00";
                return yuan.ToString("0.00", CultureInfo.InvariantCulture).Length;
            case ListCellKind.Number when value.Number is { } n:
                cell.SetValue(n);
                cell.Style.NumberFormat.Format = "0";
                return n.ToString("0", CultureInfo.InvariantCulture).Length;
            case ListCellKind.Text when !string.IsNullOrEmpty(value.Text):
                ListWorkbook.PutText(cell, value.Text);
                // A long description should not make its column a page wide.
                return Math.Min(ListWorkbook.Width(value.Text), 40);
            default:
                return 1;
        }
    }

    /// <summary>
    /// Reads an uploaded workbook: every row of every recognised sheet into typed lines, every cell that cannot be read
    /// as a problem naming its sheet, row (as the spreadsheet numbers it) and column. Nothing is checked against the
    /// database here (<see cref="CatalogImport"/> does). A file that is not an .xlsx workbook is refused as a whole.
    /// </summary>
    /// <param name="culture">The reader's language, for naming a column the file lacks.</param>
    public static CatalogFile Read(string fileName, byte[] content, CultureInfo culture)
    {
        if (content.Length < 4 || content[0] != (byte)'P' || content[1] != (byte)'K')
        {
            // A CSV (perhaps GBK) or text file decodes as text; anything else is simply not a workbook.
            var asText = Orders.Import.ExportText.Decode(content).Text is not null;
            return CatalogFile.Refused(fileName, content.Length == 0 ? "EmptyFile" : asText ? "CsvNotAccepted" : "NotAWorkbook");
        }
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(content));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A zip that is not a workbook, an encrypted one, a damaged one: ClosedXML says so in many ways.
            return CatalogFile.Refused(fileName, "NotAWorkbook");
        }
        using (workbook)
        {
            var file = new CatalogFile();
            var problems = new List<ImportProblem>();
            foreach (var ws in workbook.Worksheets)
            {
                if (CatalogLayout.SheetOf(ws.Name) is not { } kind || file.SheetNames.ContainsKey(kind))
                {
                    continue;
                }
                file.SheetNames[kind] = ws.Name;
                var reader = SheetReader.Open(ws, kind, culture, problems);
                if (reader is null)
                {
                    continue;
                }
                file.Headers[kind] = reader.Headers;
                foreach (var row in reader.Rows())
                {
                    switch (kind)
                    {
                        case CatalogSheet.Products:
                            file.Products.Add(new ProductLine(row, reader.Key(row, CatalogLayout.ProductIdColumn), new ProductForm
                            {
                                Name = reader.Text(row, nameof(ProductForm.Name)), Origin = reader.Text(row, nameof(ProductForm.Origin)),
                                Material = reader.Text(row, nameof(ProductForm.Material)), Instructions = reader.Text(row, nameof(ProductForm.Instructions)),
                                AfterSales = reader.Text(row, nameof(ProductForm.AfterSales)), SellingPoints = reader.Text(row, nameof(ProductForm.SellingPoints)),
                                Description = reader.Text(row, nameof(ProductForm.Description)), Active = reader.YesNo(row, CatalogLayout.ActiveColumn),
                            }, reader.Text(row, CatalogLayout.CategoryColumn), reader.Text(row, CatalogLayout.BrandColumn), reader.Version(row)));
                            break;
                        case CatalogSheet.Skus:
                            file.Skus.Add(new SkuLine(row, reader.Key(row, CatalogLayout.ProductIdColumn), new SkuForm
                            {
                                Name = reader.Text(row, nameof(SkuForm.Name)),
                                Specification = reader.Text(row, nameof(SkuForm.Specification)), Model = reader.Text(row, nameof(SkuForm.Model)),
                                ListPriceCents = reader.Money(row, nameof(SkuForm.ListPriceCents)) ?? 0,
                                UnitCostCents = reader.Money(row, nameof(SkuForm.UnitCostCents)) ?? 0, WeightGrams = reader.Whole(row, nameof(SkuForm.WeightGrams), required: false),
                                PackSize = reader.Whole(row, nameof(SkuForm.PackSize), required: true) ?? 1, Active = reader.YesNo(row, CatalogLayout.ActiveColumn),
                                // Last: the UI text tests read what follows "Barcode =" or "Code =" up to the statement's end as error codes.
                                Barcode = reader.Text(row, nameof(SkuForm.Barcode)), Code = reader.Text(row, nameof(SkuForm.Code)),
                            }, reader.Version(row)));
                            break;
                        case CatalogSheet.Listings:
                            file.Listings.Add(new ListingLine(row, reader.Key(row, CatalogLayout.ProductIdColumn), CatalogRules.NormaliseCode(reader.Text(row, CatalogLayout.ChannelColumn)),
                                new ListingForm
                                {
                                    Title = reader.Text(row, nameof(ListingForm.Title)), SellingPoints = reader.Text(row, nameof(ListingForm.SellingPoints)),
                                    Description = reader.Text(row, nameof(ListingForm.Description)),
                                }, reader.State(row), reader.Version(row)));
                            break;
                        default:
                            file.Prices.Add(new PriceLine(row, reader.Key(row, CatalogLayout.ProductIdColumn), CatalogRules.NormaliseCode(reader.Text(row, CatalogLayout.ChannelColumn)),
                                CatalogRules.NormaliseCode(reader.Text(row, CatalogLayout.SkuCodeColumn)), reader.Money(row, CatalogLayout.PriceColumn, required: false)));
                            break;
                    }
                }
            }
            if (file.SheetNames.Count == 0)
            {
                problems.Add(new ImportProblem(workbook.Worksheets.FirstOrDefault()?.Name ?? fileName, 1, null, "CatalogLayoutUnknown"));
            }
            else if (problems.Count == 0 && file.Products.Count + file.Skus.Count + file.Listings.Count + file.Prices.Count == 0)
            {
                problems.Add(new ImportProblem(file.SheetNames.Values.First(), 2, null, "CatalogFileEmpty"));
            }
            file.Problems.AddRange(problems);
            return file;
        }
    }
}

/// <summary>One sheet of an uploaded catalogue workbook, read by header: typed cells, each unreadable one a problem.</summary>
internal sealed class SheetReader
{
    private readonly IXLWorksheet _ws;
    private readonly string _sheet;
    private readonly Dictionary<string, int> _columns;
    private readonly List<ImportProblem> _problems;

    private SheetReader(IXLWorksheet ws, Dictionary<string, int> columns, Dictionary<string, string> headers, List<ImportProblem> problems)
    {
        (_ws, _sheet, _columns, Headers, _problems) = (ws, ws.Name, columns, headers, problems);
    }

    /// <summary>Each column key's header as the file spells it (for naming a column in a later problem).</summary>
    public Dictionary<string, string> Headers { get; }

    /// <summary>The sheet's reader, or null when a column it needs is missing (each one reported at row 1).</summary>
    public static SheetReader? Open(IXLWorksheet ws, CatalogSheet kind, CultureInfo culture, List<ImportProblem> problems)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var last = ws.LastColumnUsed()?.ColumnNumber() ?? 0;
        for (var c = 1; c <= last; c++)
        {
            var header = ws.Cell(1, c).GetString();
            if (CatalogLayout.Columns[kind].FirstOrDefault(col => col.Matches(header)) is { } column && columns.TryAdd(column.Key, c))
            {
                headers[column.Key] = header.Trim();
            }
        }
        var missing = CatalogLayout.Columns[kind].Where(c => c.Required && !columns.ContainsKey(c.Key)).ToList();
        problems.AddRange(missing.Select(c => new ImportProblem(ws.Name, 1, c.Header(culture), "MissingColumn")));
        return missing.Count > 0 ? null : new SheetReader(ws, columns, headers, problems);
    }

    /// <summary>The rows below the header that hold anything, as the spreadsheet numbers them.</summary>
    public IEnumerable<int> Rows()
    {
        var last = _ws.LastRowUsed()?.RowNumber() ?? 1;
        for (var r = 2; r <= last; r++)
        {
            if (_columns.Values.Any(c => !_ws.Cell(r, c).IsEmpty()))
            {
                yield return r;
            }
        }
    }

    private string Header(string key) => Headers[key];

    /// <summary>The cell's text as typed; null when the column is absent. A formula is refused: the import takes values.</summary>
    private string? Raw(int row, string key)
    {
        if (!_columns.TryGetValue(key, out var column))
        {
            return null;
        }
        var cell = _ws.Cell(row, column);
        if (cell.HasFormula)
        {
            _problems.Add(new ImportProblem(_sheet, row, Header(key), "CellFormula", "=" + cell.FormulaA1));
            return null;
        }
        return cell.DataType == XLDataType.Number ? cell.GetDouble().ToString("R", CultureInfo.InvariantCulture) : cell.GetString();
    }

    /// <summary>Text a person wrote, kept as written (the forms' rules trim and check it); garbled text is refused.</summary>
    public string Text(int row, string key)
    {
        var value = Raw(row, key) ?? "";
        if (value.Length > 0 && Orders.Import.ExportText.LooksLikeMojibake(value))
        {
            _problems.Add(new ImportProblem(_sheet, row, Header(key), "Mojibake", value));
        }
        return value;
    }

    /// <summary>A row's key (a product's ID, or a new product's label): required.</summary>
    public string Key(int row, string key)
    {
        var value = (Raw(row, key) ?? "").Trim();
        if (value.Length == 0)
        {
            _problems.Add(new ImportProblem(_sheet, row, Header(key), "Required"));
        }
        return value;
    }

    /// <summary>Yuan as fen through the console's one money reading; the catalogue's own range is its rule's to say (<see cref="CatalogRules.Price"/>).</summary>
    public long? Money(int row, string key, bool required = true)
    {
        if (!_columns.TryGetValue(key, out var column))
        {
            return null;
        }
        var cell = _ws.Cell(row, column);
        if (cell.IsEmpty())
        {
            if (required)
            {
                _problems.Add(new ImportProblem(_sheet, row, Header(key), "Required"));
            }
            return null;
        }
        long cents;
        string? problem;
        var read = cell.DataType == XLDataType.Number && !cell.HasFormula
            ? Orders.Money.TryFromDecimal((decimal)cell.GetDouble(), out cents, out problem, long.MaxValue)
            : Orders.Money.TryParse(Raw(row, key), out cents, out problem, long.MaxValue);
        if (!read)
        {
            if (!cell.HasFormula)
            {
                _problems.Add(new ImportProblem(_sheet, row, Header(key), problem!, Raw(row, key)));
            }
            return null;
        }
        return cents;
    }

    public int? Whole(int row, string key, bool required)
    {
        var value = (Raw(row, key) ?? "").Trim();
        if (value.Length == 0)
        {
            if (required)
            {
                _problems.Add(new ImportProblem(_sheet, row, Header(key), "Required"));
            }
            return null;
        }
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            _problems.Add(new ImportProblem(_sheet, row, Header(key), "WholeNumberFormat", value));
            return null;
        }
        return number;
    }

    public bool YesNo(int row, string key)
    {
        var value = Raw(row, key) ?? "";
        if (CatalogLayout.ReadYesNo(value) is { } yes)
        {
            return yes;
        }
        _problems.Add(new ImportProblem(_sheet, row, Header(key), "YesNoFormat", value));
        return true;
    }

    /// <summary>The record's version at export; empty for a new record.</summary>
    public long? Version(int row)
    {
        var value = (Raw(row, CatalogLayout.VersionColumn) ?? "").Trim();
        if (value.Length == 0)
        {
            return null;
        }
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            var column = Header(CatalogLayout.VersionColumn);
            _problems.Add(new ImportProblem(_sheet, row, column, "WholeNumberFormat", value));
            return null;
        }
        return version;
    }

    /// <summary>A listing's state; empty for a new listing (it starts as a draft).</summary>
    public ListingState? State(int row)
    {
        var value = (Raw(row, CatalogLayout.StateColumn) ?? "").Trim();
        if (value.Length == 0)
        {
            return null;
        }
        if (CatalogLayout.ReadState(value) is { } state)
        {
            return state;
        }
        var column = Header(CatalogLayout.StateColumn);
        _problems.Add(new ImportProblem(_sheet, row, column, "ListingStateUnknown", value));
        return null;
    }
}
