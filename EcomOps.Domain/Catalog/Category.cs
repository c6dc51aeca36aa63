using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Catalog;

/// <summary>A node of the category tree (类目), named in Chinese and in English. Retired, not deleted, once products use it.</summary>
public sealed class Category : IRetirable, IAudited
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }
    public int? ParentId { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public bool Active { get; set; } = true;
    public long Version { get; set; }

    /// <summary>
    /// How a SKU's category label reads (the text stock lists, searches and KPIs have always shown): both names, or one
    /// when they are the same.
    /// </summary>
    public static string Label(string nameZh, string nameEn) =>
        string.Equals(nameZh, nameEn, StringComparison.Ordinal) ? nameZh : $"{nameZh} {nameEn}";
}

/// <summary>The tree's rules, answered from a map of each category to its parent.</summary>
public static class CategoryTree
{
    /// <summary>
    /// Whether giving <paramref name="id"/> the parent <paramref name="newParent"/> would make a loop: the new parent is
    /// the category itself or one of its descendants.
    /// </summary>
    public static bool WouldCycle(IReadOnlyDictionary<int, int?> parents, int id, int? newParent)
    {
        var seen = new HashSet<int>();
        for (var at = newParent; at is { } node; at = parents.GetValueOrDefault(node))
        {
            if (node == id || !seen.Add(node))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The path from the root to the category, root first (ids).</summary>
    public static IReadOnlyList<int> PathTo(IReadOnlyDictionary<int, int?> parents, int id)
    {
        var path = new List<int>();
        for (int? at = id; at is { } node && !path.Contains(node); at = parents.GetValueOrDefault(node))
        {
            path.Insert(0, node);
        }
        return path;
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.ToTable("Categories");
        b.Property(c => c.NameZh).HasMaxLength(Category.MaxNameLength);
        b.Property(c => c.NameEn).HasMaxLength(Category.MaxNameLength);
        b.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
