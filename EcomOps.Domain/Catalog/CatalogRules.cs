using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EcomOps.Domain.Catalog;

/// <summary>The codes the catalogue's operations refuse with (the UI shows <c>Error.{Code}</c> beside the field).</summary>
public static class CatalogErrors
{
    public const string Required = "Required";
    public const string TooLong = "TooLong";
    public const string SkuCodeTaken = "SkuCodeTaken";
    public const string BarcodeTaken = "BarcodeTaken";
    public const string BarcodeFormat = "BarcodeFormat";
    public const string PriceOutOfRange = "PriceOutOfRange";
    public const string WeightOutOfRange = "WeightOutOfRange";
    public const string PackSizeOutOfRange = "PackSizeOutOfRange";
    public const string CategoryCycle = "CategoryCycle";
    public const string CategoryUnknown = "CategoryUnknown";
    public const string BrandUnknown = "BrandUnknown";
    public const string CategoryNameTaken = "CategoryNameTaken";
    public const string BrandNameTaken = "BrandNameTaken";
    public const string PriceBandNameTaken = "PriceBandNameTaken";
    public const string PriceBandOverlap = "PriceBandOverlap";
    public const string PriceBandEmpty = "PriceBandEmpty";
    public const string WarehouseCodeTaken = "WarehouseCodeTaken";
    public const string ChannelCodeTaken = "ChannelCodeTaken";
    public const string ChannelFieldUnknown = "ChannelFieldUnknown";
    public const string StillReferenced = "StillReferenced";
}

/// <summary>Rules of catalogue values, answered without a database.</summary>
public static class CatalogRules
{
    /// <summary>The highest price the console takes: 10^9 yuan, in fen.</summary>
    public const long MaxPriceCents = 1_000_000_000L * 100;

    public const int MaxWeightGrams = 1_000_000;
    public const int MaxPackSize = 10_000;

    /// <summary>The field name a delete's refusal is reported under (it belongs to the record, not to one input).</summary>
    public const string RecordField = "Record";

    public static bool PriceInRange(long cents) => cents is >= 0 and <= MaxPriceCents;

    /// <summary>EAN-8, UPC-A (12), EAN-13 or GTIN-14: digits only.</summary>
    public static bool BarcodeWellFormed(string barcode) => barcode.Length is 8 or 12 or 13 or 14 && barcode.All(char.IsAsciiDigit);

    public static string NormaliseCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static void Required(List<FieldError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, CatalogErrors.Required));
        }
        else
        {
            Optional(errors, field, value, max);
        }
    }

    public static void Optional(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new FieldError(field, CatalogErrors.TooLong));
        }
        else
        {
            TextRules.Check(errors, field, value);
        }
    }

    public static void Price(List<FieldError> errors, string field, long cents)
    {
        if (!PriceInRange(cents))
        {
            errors.Add(new FieldError(field, CatalogErrors.PriceOutOfRange));
        }
    }
}

/// <summary>
/// The category label a SKU carries (<see cref="Sku.Category"/>): its product's top category — the department the
/// stock lists, searches and figures have always grouped by.
/// </summary>
internal static class DepartmentLabels
{
    /// <summary>Each category's department label, from the whole tree (a small table).</summary>
    public static async Task<Dictionary<int, string>> AllAsync(OpsDb db, CancellationToken ct)
    {
        var all = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.NameZh, c.NameEn }).ToDictionaryAsync(c => c.Id, ct);
        var parents = all.ToDictionary(c => c.Key, c => c.Value.ParentId);
        return all.Keys.ToDictionary(id => id, id =>
        {
            var root = all[CategoryTree.PathTo(parents, id)[0]];
            var label = Category.Label(root.NameZh, root.NameEn);
            return label.Length > Sku.MaxLabelLength ? label[..Sku.MaxLabelLength] : label;
        });
    }

    public static async Task<string?> ForAsync(OpsDb db, int? categoryId, CancellationToken ct) =>
        categoryId is { } id && (await AllAsync(db, ct)).TryGetValue(id, out var label) ? label : null;

    /// <summary>Relabels the SKUs of every product in the categories given (after a rename or a move in the tree).</summary>
    public static async Task RelabelAsync(OpsDb db, IEnumerable<int> categoryIds, CancellationToken ct)
    {
        var labels = await AllAsync(db, ct);
        foreach (var id in categoryIds)
        {
            var label = labels.GetValueOrDefault(id);
            await db.Skus.Where(s => db.Products.Any(p => p.Id == s.ProductId && p.CategoryId == id))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Category, label), ct);
        }
    }
}

/// <summary>
/// Whether anything points at a row: every foreign key the model declares towards its table, except those whose rows go
/// with it (cascade: figures derived from it). A new table that points at a SKU or a warehouse is covered by declaring
/// its key, nothing else.
/// </summary>
internal static class References
{
    public static async Task<bool> AnyAsync<T>(OpsDb db, int id, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        foreach (var key in entity.GetReferencingForeignKeys().Where(k => k.DeleteBehavior != DeleteBehavior.Cascade))
        {
            var dependent = key.DeclaringEntityType;
            var table = dependent.GetTableName()!;
            var column = key.Properties[0].GetColumnName(StoreObjectIdentifier.Table(table, dependent.GetSchema()))!;
            var sql = $"SELECT EXISTS (SELECT 1 FROM \"{table}\" WHERE \"{column}\" = {{0}}) AS \"Value\"";
            if (await db.Database.SqlQueryRaw<bool>(sql, id).SingleAsync(ct))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>A catalogue record that is retired (set inactive) rather than deleted once anything uses it.</summary>
public interface IRetirable : IVersioned
{
    int Id { get; }
    bool Active { get; set; }
}
