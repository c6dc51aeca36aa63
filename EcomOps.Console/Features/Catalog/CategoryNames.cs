using System.Globalization;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Time;

namespace EcomOps.Console.Features.Catalog;

/// <summary>Categories in the reader's language: one name in lists, the path from the top where a choice is shown.</summary>
public static class CategoryNames
{
    public static string Name(string zh, string en) => DateFormats.IsChinese(CultureInfo.CurrentUICulture) ? zh : en;

    /// <summary>"Food › Tea and coffee › Drip coffee" (the rows in tree order, as <see cref="CatalogQueries.CategoriesAsync"/> gives them).</summary>
    public static Func<int?, string?> PathOf(IReadOnlyList<CategoryRow> tree)
    {
        var byId = tree.ToDictionary(c => c.Id);
        return id =>
        {
            if (id is not { } at || !byId.ContainsKey(at))
            {
                return null;
            }
            var names = new List<string>();
            for (int? node = at; node is { } n && byId.TryGetValue(n, out var row) && names.Count <= tree.Count; node = row.ParentId)
            {
                names.Insert(0, Name(row.NameZh, row.NameEn));
            }
            return string.Join(" › ", names);
        };
    }
}
