using System.Globalization;
using EcomOps.Domain.Time;

namespace EcomOps.Domain.Catalog.Transfer;

public enum CatalogSheet
{
    Products,
    Skus,
    Listings,
    ListingPrices,
}

/// <summary>
/// A column of the catalogue workbook: its key (the form field it fills, so a rule's refusal names its column), its
/// header in English and in Chinese, and whether the import needs it.
/// </summary>
public sealed record CatalogColumn(string Key, string English, string Chinese, bool Required = true)
{
    public string Header(CultureInfo culture) => DateFormats.IsChinese(culture) ? Chinese : English;

    public bool Matches(string header)
    {
        var h = header.Trim();
        return string.Equals(h, English, StringComparison.OrdinalIgnoreCase) || string.Equals(h, Chinese, StringComparison.Ordinal);
    }
}

/// <summary>
/// The catalogue workbook's layout, in one place for the export and the import: four sheets, each with its columns in
/// order. The export writes headers and words (sheet names, yes/no, states, category paths) in the reader's language;
/// the import knows both languages, so a file exported in Chinese imports for a colleague reading English and back.
/// </summary>
public static class CatalogLayout
{
    public const string ProductIdColumn = "Product";
    public const string ProductNameColumn = "ProductName";
    public const string CategoryColumn = "CategoryId";
    public const string BrandColumn = "BrandId";
    public const string ActiveColumn = "Active";
    public const string VersionColumn = "Version";
    public const string ChannelColumn = "Channel";
    public const string StateColumn = "State";
    public const string SkuCodeColumn = "Code";
    public const string PriceColumn = "Price";

    /// <summary>What separates the names of a category's path ("服装 / 上衣").</summary>
    public const string PathSeparator = " / ";

    private static readonly CatalogColumn ProductIdHeader = new(ProductIdColumn, "Product ID", "商品ID");
    private static readonly CatalogColumn VersionHeader = new(VersionColumn, "Version", "版本");
    private static readonly CatalogColumn ActiveHeader = new(ActiveColumn, "Active", "启用");
    private static readonly CatalogColumn ChannelHeader = new(ChannelColumn, "Channel code", "渠道代码");

    public static readonly IReadOnlyDictionary<CatalogSheet, (string English, string Chinese)> SheetNames = new Dictionary<CatalogSheet, (string, string)>
    {
        [CatalogSheet.Products] = ("Products", "商品"),
        [CatalogSheet.Skus] = ("SKUs", "SKU"),
        [CatalogSheet.Listings] = ("Listings", "上架"),
        [CatalogSheet.ListingPrices] = ("Listing prices", "上架价格"),
    };

    public static readonly IReadOnlyDictionary<CatalogSheet, IReadOnlyList<CatalogColumn>> Columns = new Dictionary<CatalogSheet, IReadOnlyList<CatalogColumn>>
    {
        [CatalogSheet.Products] =
        [
            ProductIdHeader,
            new(nameof(ProductForm.Name), "Name", "商品名称"),
            new(CategoryColumn, "Category", "类目"),
            new(BrandColumn, "Brand", "品牌"),
            new(nameof(ProductForm.Origin), "Origin", "产地"),
            new(nameof(ProductForm.Material), "Material", "材质"),
            new(nameof(ProductForm.Instructions), "Instructions", "使用说明"),
            new(nameof(ProductForm.AfterSales), "After-sales terms", "售后服务"),
            new(nameof(ProductForm.SellingPoints), "Selling points", "卖点"),
            new(nameof(ProductForm.Description), "Description", "描述"),
            ActiveHeader,
            VersionHeader,
        ],
        [CatalogSheet.Skus] =
        [
            new(SkuCodeColumn, "SKU code", "SKU编码"),
            ProductIdHeader,
            new(nameof(SkuForm.Name), "SKU name", "SKU名称"),
            new(nameof(SkuForm.Specification), "Specification", "规格"),
            new(nameof(SkuForm.Model), "Model", "型号"),
            new(nameof(SkuForm.Barcode), "Barcode", "条码"),
            new(nameof(SkuForm.ListPriceCents), "List price (yuan)", "标价(元)"),
            new(nameof(SkuForm.UnitCostCents), "Unit cost (yuan)", "成本价(元)"),
            new(nameof(SkuForm.WeightGrams), "Weight (g)", "重量(克)"),
            new(nameof(SkuForm.PackSize), "Pack size", "每箱数量"),
            ActiveHeader,
            VersionHeader,
        ],
        [CatalogSheet.Listings] =
        [
            ProductIdHeader,
            new(ProductNameColumn, "Product name (not imported)", "商品名称(不导入)", Required: false),
            ChannelHeader,
            new(nameof(ListingForm.Title), "Listing title", "上架标题"),
            new(nameof(ListingForm.SellingPoints), "Channel selling points", "渠道卖点"),
            new(nameof(ListingForm.Description), "Channel description", "渠道描述"),
            new(StateColumn, "State", "状态"),
            VersionHeader,
        ],
        [CatalogSheet.ListingPrices] =
        [
            ProductIdHeader,
            ChannelHeader,
            new(SkuCodeColumn, "SKU code", "SKU编码"),
            new(PriceColumn, "Channel price (yuan)", "渠道价(元)"),
        ],
    };

    public static string SheetName(CatalogSheet sheet, CultureInfo culture) =>
        DateFormats.IsChinese(culture) ? SheetNames[sheet].Chinese : SheetNames[sheet].English;

    public static CatalogSheet? SheetOf(string name)
    {
        var n = name.Trim();
        foreach (var (sheet, (english, chinese)) in SheetNames)
        {
            if (string.Equals(n, english, StringComparison.OrdinalIgnoreCase) || n == chinese)
            {
                return sheet;
            }
        }
        return null;
    }

    private static readonly (string English, string Chinese)[] YesNoWords = [("No", "否"), ("Yes", "是")];

    public static string YesNo(bool value, CultureInfo culture)
    {
        var (english, chinese) = YesNoWords[value ? 1 : 0];
        return DateFormats.IsChinese(culture) ? chinese : english;
    }

    /// <summary>Yes or no in either language (also true/false and 1/0), or null when it is neither.</summary>
    public static bool? ReadYesNo(string text) => text.Trim().ToUpperInvariant() switch
    {
        "YES" or "Y" or "TRUE" or "1" or "是" => true,
        "NO" or "N" or "FALSE" or "0" or "否" => false,
        _ => null,
    };

    private static readonly IReadOnlyDictionary<ListingState, (string English, string Chinese)> StateNames = new Dictionary<ListingState, (string, string)>
    {
        [ListingState.Draft] = ("Draft", "草稿"),
        [ListingState.InReview] = ("In review", "审核中"),
        [ListingState.Live] = ("Live", "在售"),
        [ListingState.Paused] = ("Paused", "已暂停"),
        [ListingState.Retired] = ("Retired", "已下架"),
    };

    public static string StateName(ListingState state, CultureInfo culture) =>
        DateFormats.IsChinese(culture) ? StateNames[state].Chinese : StateNames[state].English;

    public static ListingState? ReadState(string text)
    {
        var t = text.Trim();
        foreach (var (state, (english, chinese)) in StateNames)
        {
            if (string.Equals(t, english, StringComparison.OrdinalIgnoreCase) || t == chinese || string.Equals(t, state.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return state;
            }
        }
        return null;
    }
}
