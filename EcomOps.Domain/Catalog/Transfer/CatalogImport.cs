using System.Globalization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders.Import;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Catalog.Transfer;

/// <summary>What an import does (or, checked, would do): records to create and to change, rows that change nothing.</summary>
public sealed record CatalogImportCounts(int ProductsNew, int ProductsChanged, int SkusNew, int SkusChanged, int ListingsNew, int ListingsChanged, int Unchanged)
{
    public static readonly CatalogImportCounts None = new(0, 0, 0, 0, 0, 0, 0);

    public int Changes => ProductsNew + ProductsChanged + SkusNew + SkusChanged + ListingsNew + ListingsChanged;
}

/// <summary>The answer to a check or an import: the counts, or the problems that stop it (then nothing was written).</summary>
public sealed record CatalogImportResult(CatalogImportCounts Counts, IReadOnlyList<ImportProblem> Problems, bool Written)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Takes a catalogue workbook in, all or nothing. Every row is checked first by the rules the forms use
/// (<see cref="CatalogDesk"/>, <see cref="ListingDesk"/>, <see cref="CatalogRules"/>) and against the database: keys,
/// categories by path, brands by name, channels by code, SKU codes and barcodes taken inside the file or by another
/// SKU, listings whose state the file would change, and rows whose record someone changed since the export (its version).
/// Any problem and nothing is written; otherwise every change goes in one transaction (tried again while the database is
/// busy). A check is the same run rolled back, so what it counts is what the import does. Rows missing from the file are
/// left alone: the import creates and changes, it never deletes or retires what a file leaves out.
/// </summary>
public sealed class CatalogImport(IDbContextFactory<OpsDb> dbFactory, TimeProvider clock)
{
    public Task<CatalogImportResult> CheckAsync(Actor actor, CatalogFile file, CancellationToken ct = default) => RunAsync(actor, file, commit: false, ct);

    public Task<CatalogImportResult> ImportAsync(Actor actor, CatalogFile file, CancellationToken ct = default) => RunAsync(actor, file, commit: true, ct);

    private async Task<CatalogImportResult> RunAsync(Actor actor, CatalogFile file, bool commit, CancellationToken ct)
    {
        if (!file.Readable)
        {
            return new CatalogImportResult(CatalogImportCounts.None, file.Problems, false);
        }
        if (!actor.May(Permissions.ImportCatalog))
        {
            return new CatalogImportResult(CatalogImportCounts.None, [new ImportProblem(file.SheetNames.Values.FirstOrDefault() ?? "", 0, null, "NotPermitted")], false);
        }
        var outcome = await WriteRetry.RunAsync(async () => Outcome<CatalogImportResult>.Done(await AttemptAsync(actor, file, commit, ct)), ct);
        return outcome.Value ?? new CatalogImportResult(CatalogImportCounts.None, [new ImportProblem("", 0, null, WriteRetry.BusyCode)], false);
    }

    /// <summary>
    /// The problems as a workbook to download: sheet, row, column, reason in the reader's language, and the value found
    /// (kept inert: a value from the file is never run as a formula).
    /// </summary>
    public static ListWorkbookFile Report(IReadOnlyList<ImportProblem> problems, Func<string, string> text, TimeZoneInfo zone) =>
        ListWorkbook.Build(text("Catalog.Import.Problems"), ReportColumns, problems, text, zone);

    private static readonly ListColumn<ImportProblem>[] ReportColumns =
    [
        new("Catalog.Import.Sheet", (p, _) => ListCell.Of(p.File)),
        new("Orders.Import.Row", (p, _) => p.Row > 0 ? ListCell.Of(p.Row) : ListCell.Of((string?)null)),
        new("Orders.Import.Column", (p, _) => ListCell.Of(p.Column)),
        new("Orders.Import.Reason", (p, text) => ListCell.Of(Reason(p, text))),
        new("Orders.Import.Value", (p, _) => ListCell.Of(p.Value)),
    ];

    /// <summary>Why a row is refused, in the reader's words; {0} is what was expected (a first row, a stored version), {1} the value found.</summary>
    public static string Reason(ImportProblem problem, Func<string, string> text) =>
        string.Format(CultureInfo.CurrentCulture, text($"Error.{problem.Code}"), problem.Expected ?? "", problem.Value ?? "");

    private async Task<CatalogImportResult> AttemptAsync(Actor actor, CatalogFile file, bool commit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var run = new ImportRun(db, file, actor, clock.GetUtcNow().UtcDateTime);
        await run.CheckAsync(ct);
        if (run.Problems.Count > 0)
        {
            return new CatalogImportResult(CatalogImportCounts.None, run.SortedProblems(), false);
        }
        if (await run.WriteAsync(ct) is { } refused)
        {
            return new CatalogImportResult(CatalogImportCounts.None, [refused], false);
        }
        if (commit)
        {
            await transaction.CommitAsync(ct);
        }
        return new CatalogImportResult(run.Counts(), [], commit);
    }
}

/// <summary>One attempt at an import, on one context: the checks fill <see cref="Problems"/> and queue the writes.</summary>
internal sealed class ImportRun(OpsDb db, CatalogFile file, Actor actor, DateTime now)
{
    private readonly Dictionary<string, Product> _products = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Sku> _skus = new(StringComparer.Ordinal);
    private readonly HashSet<Product> _retiredHere = [];
    private readonly HashSet<Product> _touched = [];
    private readonly List<Func<Task>> _listingWrites = [];
    private int _productsNew, _productsChanged, _skusNew, _skusChanged, _listingsNew, _listingsChanged, _unchanged;

    public List<ImportProblem> Problems { get; } = [];

    public CatalogImportCounts Counts() => new(_productsNew, _productsChanged, _skusNew, _skusChanged, _listingsNew, _listingsChanged, _unchanged);

    public IReadOnlyList<ImportProblem> SortedProblems()
    {
        var order = Enum.GetValues<CatalogSheet>().ToDictionary(file.Sheet, s => (int)s);
        return [.. Problems.OrderBy(p => order.GetValueOrDefault(p.File)).ThenBy(p => p.Row)];
    }

    public async Task CheckAsync(CancellationToken ct)
    {
        var ids = file.Products.Select(p => p.Key).Concat(file.Skus.Select(s => s.ProductKey)).Concat(file.Listings.Select(l => l.ProductKey))
            .Concat(file.Prices.Select(p => p.ProductKey)).Select(Id).OfType<int>().Distinct().ToList();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var product in await db.Products.Include(p => p.Skus).Where(p => chunk.Contains(p.Id)).ToListAsync(ct))
            {
                _products[product.Id.ToString(CultureInfo.InvariantCulture)] = product;
            }
        }
        await ProductsAsync(ct);
        await SkusAsync(ct);
        await ListingsAsync(ct);
    }

    private static int? Id(string key) => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private void Problem(CatalogSheet sheet, int row, string? key, string code, string? value = null, string? expected = null) =>
        Problems.Add(new ImportProblem(file.Sheet(sheet), row, key is null ? null : file.Header(sheet, key) ?? key, code, value, expected));

    /// <summary>A rule's refusals of a row's form, each beside its column with the value the row gave (yuan for an amount in fen).</summary>
    private void RuleProblems(CatalogSheet sheet, int row, object form, IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            var property = form.GetType().GetProperty(error.Field) ?? form.GetType().GetProperty(error.Field + "Cents");
            var value = property?.GetValue(form) switch
            {
                long cents when property.Name.EndsWith("Cents", StringComparison.Ordinal) => Orders.Money.Format(cents),
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                string text => text,
                _ => null,
            };
            Problem(sheet, row, error.Field, error.Code, value);
        }
    }

    /// <summary>The first row each key was seen at; a later one is reported as a duplicate naming the first.</summary>
    private bool Duplicate<TKey>(Dictionary<TKey, int> seen, TKey key, CatalogSheet sheet, int row, string column, string value) where TKey : notnull
    {
        if (seen.TryAdd(key, row))
        {
            return false;
        }
        Problem(sheet, row, column, "DuplicateInFile", value, seen[key].ToString(CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>
    /// A row that changes a record: refused when the actor may not, or when the record changed since the export (its
    /// version in the file is not the stored one). Answers whether the change may go ahead.
    /// </summary>
    private bool MayChange(CatalogSheet sheet, int row, string permission, long? fileVersion, long? storedVersion)
    {
        if (!actor.May(permission))
        {
            Problem(sheet, row, null, "NotPermitted");
            return false;
        }
        if (storedVersion is { } stored && fileVersion != stored)
        {
            Problem(sheet, row, CatalogLayout.VersionColumn, fileVersion is null ? "VersionMissing" : "ChangedSinceExport",
                fileVersion?.ToString(CultureInfo.InvariantCulture), stored.ToString(CultureInfo.InvariantCulture));
            return false;
        }
        return true;
    }

    private async Task ProductsAsync(CancellationToken ct)
    {
        if (file.Products.Count == 0)
        {
            return;
        }
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var parents = categories.ToDictionary(c => c.Key, c => c.Value.ParentId);
        var paths = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in categories.Keys)
        {
            var path = CategoryTree.PathTo(parents, id);
            paths.TryAdd(PathKey(CatalogWorkbook.Path(path.Select(n => categories[n].NameZh))), id);
            paths.TryAdd(PathKey(CatalogWorkbook.Path(path.Select(n => categories[n].NameEn))), id);
        }
        var brands = await db.Brands.AsNoTracking().ToDictionaryAsync(b => b.Name, b => b.Id, StringComparer.OrdinalIgnoreCase, ct);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in file.Products)
        {
            if (Duplicate(seen, line.Key, CatalogSheet.Products, line.Row, CatalogLayout.ProductIdColumn, line.Key))
            {
                continue;
            }
            var errors = new List<FieldError>();
            CatalogDesk.CheckProduct(errors, line.Form);
            int? category = null;
            if (string.IsNullOrWhiteSpace(line.Category))
            {
                errors.Add(new FieldError(CatalogLayout.CategoryColumn, CatalogErrors.Required));
            }
            else if (paths.TryGetValue(PathKey(line.Category), out var found))
            {
                category = found;
            }
            else
            {
                Problem(CatalogSheet.Products, line.Row, CatalogLayout.CategoryColumn, "CategoryPathUnknown", line.Category);
            }
            int? brand = null;
            if (CatalogRules.Blank(line.Brand) is { } brandName)
            {
                if (brands.TryGetValue(brandName, out var brandId))
                {
                    brand = brandId;
                }
                else
                {
                    Problem(CatalogSheet.Products, line.Row, CatalogLayout.BrandColumn, "BrandNameUnknown", line.Brand);
                }
            }
            var existing = _products.GetValueOrDefault(line.Key);
            if (existing is null && Id(line.Key) is not null)
            {
                Problem(CatalogSheet.Products, line.Row, CatalogLayout.ProductIdColumn, "ProductUnknown", line.Key);
                continue;
            }
            RuleProblems(CatalogSheet.Products, line.Row, line.Form, errors);
            if (errors.Count > 0 || category is null || (CatalogRules.Blank(line.Brand) is not null && brand is null))
            {
                // Its SKUs and listings are still checked, against a stand-in that is never saved (the import stops anyway).
                _products.TryAdd(line.Key, new Product { Name = line.Form.Name.Trim() });
                continue;
            }
            if (existing is null)
            {
                if (!MayChange(CatalogSheet.Products, line.Row, Permissions.ManageCatalog, null, null))
                {
                    _products.TryAdd(line.Key, new Product { Name = line.Form.Name.Trim() });
                    continue;
                }
                var product = new Product { Name = line.Form.Name.Trim() };
                CatalogDesk.Apply(product, line.Form, category.Value, brand);
                db.Products.Add(product);
                _products[line.Key] = product;
                _touched.Add(product);
                _productsNew++;
                continue;
            }
            var wasActive = existing.Active;
            CatalogDesk.Apply(existing, line.Form, category.Value, brand);
            db.Entry(existing).DetectChanges();
            if (db.Entry(existing).State != EntityState.Modified)
            {
                _unchanged++;
            }
            else if (MayChange(CatalogSheet.Products, line.Row, Permissions.ManageCatalog, line.Version, existing.Version))
            {
                if (wasActive && !existing.Active)
                {
                    _retiredHere.Add(existing);
                }
                _touched.Add(existing);
                _productsChanged++;
            }
        }
    }

    /// <summary>A category path as typed or stored, with any spacing around its slashes the same ("服装/上装" is "服装 / 上装").</summary>
    private static string PathKey(string path) => string.Join('/', path.Split('/').Select(n => n.Trim()));

    private async Task SkusAsync(CancellationToken ct)
    {
        var codes = file.Skus.Select(s => CatalogRules.NormaliseCode(s.Form.Code)).Concat(file.Prices.Select(p => p.SkuCode)).Where(c => c.Length > 0).Distinct().ToList();
        foreach (var chunk in codes.Chunk(500))
        {
            foreach (var sku in await db.Skus.Where(s => chunk.Contains(s.Code)).ToListAsync(ct))
            {
                _skus[sku.Code] = sku;
            }
        }
        var barcodes = file.Skus.Select(s => CatalogRules.Blank(s.Form.Barcode)).OfType<string>().Distinct().ToList();
        var barcodeHolders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in barcodes.Chunk(500))
        {
            foreach (var held in await db.Skus.AsNoTracking().Where(s => s.Barcode != null && chunk.Contains(s.Barcode)).Select(s => new { s.Barcode, s.Code }).ToListAsync(ct))
            {
                barcodeHolders[held.Barcode!] = held.Code;
            }
        }
        var fileBarcodes = file.Skus.GroupBy(s => CatalogRules.NormaliseCode(s.Form.Code)).ToDictionary(g => g.Key, g => CatalogRules.Blank(g.First().Form.Barcode));
        var labels = await DepartmentLabels.AllAsync(db, ct);
        var brandNames = await db.Brands.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var seenCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenBarcodes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in file.Skus)
        {
            var code = CatalogRules.NormaliseCode(line.Form.Code);
            var barcode = CatalogRules.Blank(line.Form.Barcode);
            var errors = new List<FieldError>();
            CatalogDesk.CheckSku(errors, line.Form);
            if (code.Length > 0 && Duplicate(seenCodes, code, CatalogSheet.Skus, line.Row, nameof(SkuForm.Code), code))
            {
                continue;
            }
            if (barcode is not null && Duplicate(seenBarcodes, barcode, CatalogSheet.Skus, line.Row, nameof(SkuForm.Barcode), barcode))
            {
                continue;
            }
            if (!_products.TryGetValue(line.ProductKey, out var product))
            {
                Problem(CatalogSheet.Skus, line.Row, CatalogLayout.ProductIdColumn, "ProductUnknown", line.ProductKey);
                continue;
            }
            var existing = _skus.GetValueOrDefault(code);
            if (existing is not null && (product.Id == 0 || existing.ProductId != product.Id))
            {
                errors.Add(new FieldError(nameof(SkuForm.Code), CatalogErrors.SkuCodeTaken));
            }
            if (barcode is not null && barcodeHolders.TryGetValue(barcode, out var holder) && holder != code
                && (!fileBarcodes.TryGetValue(holder, out var holderNow) || holderNow == barcode))
            {
                errors.Add(new FieldError(nameof(SkuForm.Barcode), CatalogErrors.BarcodeTaken));
            }
            if (_retiredHere.Contains(product) && line.Form.Active)
            {
                errors.Add(new FieldError(CatalogLayout.ActiveColumn, "ProductRetiredInFile"));
            }
            var name = CatalogDesk.SkuName(errors, product.Name, line.Form);
            RuleProblems(CatalogSheet.Skus, line.Row, line.Form, errors);
            if (errors.Count > 0)
            {
                continue;
            }
            if (existing is null)
            {
                if (!MayChange(CatalogSheet.Skus, line.Row, Permissions.ManageCatalog, null, null))
                {
                    continue;
                }
                var sku = new Sku { Code = code, Name = name };
                CatalogDesk.Apply(sku, line.Form, name);
                product.Skus.Add(sku);
                _skus[code] = sku;
                _touched.Add(product);
                _skusNew++;
                continue;
            }
            CatalogDesk.Apply(existing, line.Form, name);
            var entry = db.Entry(existing);
            entry.DetectChanges();
            if (!entry.Properties.Any(p => p.IsModified && p.Metadata.Name is not (nameof(Sku.Category) or nameof(Sku.Brand))))
            {
                _unchanged++;
            }
            else if (MayChange(CatalogSheet.Skus, line.Row, Permissions.ManageCatalog, line.Version, existing.Version))
            {
                _touched.Add(product);
                _skusChanged++;
            }
        }
        // Every SKU of a product saved here carries its product's category and brand labels, as the product form does.
        foreach (var product in _touched)
        {
            var label = product.CategoryId is { } c ? labels.GetValueOrDefault(c) : null;
            var brand = product.BrandId is { } b ? brandNames.GetValueOrDefault(b) : null;
            foreach (var sku in product.Skus)
            {
                (sku.Category, sku.Brand) = (label, brand);
            }
        }
    }

    private async Task ListingsAsync(CancellationToken ct)
    {
        if (file.Listings.Count == 0 && file.Prices.Count == 0)
        {
            return;
        }
        var channels = await db.SalesChannels.AsNoTracking().ToDictionaryAsync(c => c.Code, c => (c.Id, c.Active), StringComparer.OrdinalIgnoreCase, ct);
        var productIds = _products.Values.Where(p => p.Id != 0).Select(p => p.Id).Distinct().ToList();
        var listings = new Dictionary<(int, int), Listing>();
        foreach (var chunk in productIds.Chunk(500))
        {
            foreach (var listing in await db.Listings.Include(l => l.Prices).Where(l => chunk.Contains(l.ProductId)).ToListAsync(ct))
            {
                listings[(listing.ProductId, listing.ChannelId)] = listing;
            }
        }
        var prices = ReadPrices(channels);
        var seen = new Dictionary<(string, string), int>();
        foreach (var line in file.Listings)
        {
            if (Duplicate(seen, (line.ProductKey, line.Channel), CatalogSheet.Listings, line.Row, CatalogLayout.ChannelColumn, line.Channel))
            {
                continue;
            }
            var errors = new List<FieldError>();
            ListingDesk.CheckContent(errors, line.Form);
            if (!_products.TryGetValue(line.ProductKey, out var product))
            {
                Problem(CatalogSheet.Listings, line.Row, CatalogLayout.ProductIdColumn, "ProductUnknown", line.ProductKey);
                continue;
            }
            if (!channels.TryGetValue(line.Channel, out var channel) || !channel.Active)
            {
                Problem(CatalogSheet.Listings, line.Row, CatalogLayout.ChannelColumn, ListingErrors.ChannelUnknown, line.Channel);
                continue;
            }
            RuleProblems(CatalogSheet.Listings, line.Row, line.Form, errors);
            var rowPrices = prices.GetValueOrDefault((line.ProductKey, line.Channel)) ?? [];
            var existing = product.Id == 0 ? null : listings.GetValueOrDefault((product.Id, channel.Id));
            if (line.State is { } state && state != (existing?.State ?? ListingState.Draft))
            {
                Problem(CatalogSheet.Listings, line.Row, CatalogLayout.StateColumn, "ListingStateNotImported", line.State.ToString());
                continue;
            }
            if (errors.Count > 0)
            {
                continue;
            }
            var title = line.Form.Title.Trim();
            var sellingPoints = CatalogRules.Blank(line.Form.SellingPoints);
            var description = CatalogRules.Blank(line.Form.Description);
            if (existing is null)
            {
                if (!product.Active)
                {
                    Problem(CatalogSheet.Listings, line.Row, CatalogLayout.ProductIdColumn, ListingErrors.ProductRetired, line.ProductKey);
                    continue;
                }
                if (!MayChange(CatalogSheet.Listings, line.Row, Permissions.EditListings, null, null))
                {
                    continue;
                }
                _listingsNew++;
                _touched.Add(product);
                _listingWrites.Add(async () =>
                {
                    var listing = new Listing
                    {
                        ProductId = product.Id, ChannelId = channel.Id, Title = title, SellingPoints = sellingPoints, Description = description,
                        State = ListingState.Draft, StateChangedAtUtc = now,
                    };
                    db.Listings.Add(listing);
                    await ListingDesk.EditedAsync(db, listing, Resolve(rowPrices), actor, now, ct);
                });
                continue;
            }
            var current = existing.Prices.ToDictionary(p => p.SkuId, p => (long?)p.PriceCents);
            var changed = existing.Title != title || existing.SellingPoints != sellingPoints || existing.Description != description
                || rowPrices.Any(p => p.Sku.Id == 0 ? p.Cents is not null : current.GetValueOrDefault(p.Sku.Id) != p.Cents);
            if (!changed)
            {
                _unchanged++;
                continue;
            }
            if (!ListingStates.CanEdit(existing.State))
            {
                Problem(CatalogSheet.Listings, line.Row, null, ListingErrors.NotEditable);
                continue;
            }
            if (!MayChange(CatalogSheet.Listings, line.Row, Permissions.EditListings, line.Version, existing.Version))
            {
                continue;
            }
            _listingsChanged++;
            _touched.Add(product);
            _listingWrites.Add(async () =>
            {
                (existing.Title, existing.SellingPoints, existing.Description) = (title, sellingPoints, description);
                await ListingDesk.EditedAsync(db, existing, Resolve(rowPrices), actor, now, ct);
            });
        }
    }

    /// <summary>The channel prices by listing key, each row checked: its listing in the file, its SKU the product's, its price in range.</summary>
    private Dictionary<(string, string), List<(Sku Sku, long? Cents)>> ReadPrices(Dictionary<string, (int Id, bool Active)> channels)
    {
        var listed = file.Listings.Select(l => (l.ProductKey, l.Channel)).ToHashSet();
        var byListing = new Dictionary<(string, string), List<(Sku, long?)>>();
        var seen = new Dictionary<(string, string, string), int>();
        foreach (var line in file.Prices)
        {
            if (Duplicate(seen, (line.ProductKey, line.Channel, line.SkuCode), CatalogSheet.ListingPrices, line.Row, CatalogLayout.SkuCodeColumn, line.SkuCode))
            {
                continue;
            }
            if (!listed.Contains((line.ProductKey, line.Channel)))
            {
                Problem(CatalogSheet.ListingPrices, line.Row, CatalogLayout.ChannelColumn, "ListingNotInFile", line.Channel);
                continue;
            }
            var product = _products.GetValueOrDefault(line.ProductKey);
            var sku = _skus.GetValueOrDefault(line.SkuCode);
            if (product is null || sku is null || !(ReferenceEquals(product.Skus.FirstOrDefault(s => s.Code == sku.Code), sku) || (sku.ProductId == product.Id && product.Id != 0)))
            {
                Problem(CatalogSheet.ListingPrices, line.Row, CatalogLayout.SkuCodeColumn, ListingErrors.SkuNotInProduct, line.SkuCode);
                continue;
            }
            var errors = new List<FieldError>();
            if (line.PriceCents is { } cents)
            {
                CatalogRules.Price(errors, CatalogLayout.PriceColumn, cents);
            }
            RuleProblems(CatalogSheet.ListingPrices, line.Row, line, errors);
            if (errors.Count == 0)
            {
                var key = (line.ProductKey, line.Channel);
                if (!byListing.TryGetValue(key, out var list))
                {
                    byListing[key] = list = [];
                }
                list.Add((sku, line.PriceCents));
            }
        }
        return byListing;
    }

    /// <summary>The prices by SKU id, once new SKUs have theirs.</summary>
    private static Dictionary<int, long?> Resolve(List<(Sku Sku, long? Cents)> prices) => prices.ToDictionary(p => p.Sku.Id, p => p.Cents);

    /// <summary>Products and SKUs first (new ones get their ids), then listings, then the listings' completeness.</summary>
    public async Task<ImportProblem?> WriteAsync(CancellationToken ct)
    {
        var saved = await CatalogDesk.SaveAsync(db, () => 0, ct);
        if (saved.Succeeded)
        {
            foreach (var write in _listingWrites)
            {
                await write();
            }
            saved = await CatalogDesk.SaveAsync(db, () => 0, ct);
        }
        if (!saved.Succeeded)
        {
            // Someone saved between the checks and the write, inside the same instant: nothing is kept.
            return new ImportProblem("", 0, null, saved.Kind == OutcomeKind.Conflict ? "ChangedSinceExport" : saved.Errors[0].Code);
        }
        await ListingFactsReader.RefreshAsync(db, [.. _touched.Select(p => p.Id)], ct);
        return null;
    }
}
