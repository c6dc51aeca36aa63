using EcomOps.Domain.Orders.Import;

namespace EcomOps.Domain.Catalog.Transfer;

/// <summary>A product row: its key (an existing product's ID, or a label a new product is known by in this file).</summary>
public sealed record ProductLine(int Row, string Key, ProductForm Form, string Category, string Brand, long? Version);

public sealed record SkuLine(int Row, string ProductKey, SkuForm Form, long? Version);

/// <summary>A listing row: product and channel code are its key; its state is shown, not imported.</summary>
public sealed record ListingLine(int Row, string ProductKey, string Channel, ListingForm Form, ListingState? State, long? Version);

/// <summary>A channel price row; no price sells the SKU at its list price.</summary>
public sealed record PriceLine(int Row, string ProductKey, string Channel, string SkuCode, long? PriceCents);

/// <summary>An uploaded catalogue workbook as read: its lines by sheet, and the problems reading found.</summary>
public sealed class CatalogFile
{
    /// <summary>Each recognised sheet's name as the file spells it.</summary>
    public Dictionary<CatalogSheet, string> SheetNames { get; } = [];

    /// <summary>Each recognised sheet's headers by column key, as the file spells them.</summary>
    public Dictionary<CatalogSheet, Dictionary<string, string>> Headers { get; } = [];

    public List<ProductLine> Products { get; } = [];
    public List<SkuLine> Skus { get; } = [];
    public List<ListingLine> Listings { get; } = [];
    public List<PriceLine> Prices { get; } = [];
    public List<ImportProblem> Problems { get; } = [];

    public bool Readable => Problems.Count == 0;

    public static CatalogFile Refused(string fileName, string code)
    {
        var file = new CatalogFile();
        file.Problems.Add(new ImportProblem(fileName, 1, null, code));
        return file;
    }

    public string Sheet(CatalogSheet sheet) => SheetNames.GetValueOrDefault(sheet) ?? CatalogLayout.SheetNames[sheet].English;

    public string? Header(CatalogSheet sheet, string key) => Headers.GetValueOrDefault(sheet)?.GetValueOrDefault(key);
}
