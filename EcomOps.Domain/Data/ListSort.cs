using System.Linq.Expressions;

namespace EcomOps.Domain.Data;

/// <summary>How a list is sorted: one of its columns, either way. The list's query adds its own tie-breaker (the id).</summary>
public sealed record ListSort<TColumn>(TColumn Column, bool Descending = false) where TColumn : struct, Enum
{
    /// <summary>The sort a table header asks for (its sort label names the column), or the list's default when none.</summary>
    public static ListSort<TColumn> From(string? label, bool? descending, ListSort<TColumn> fallback) =>
        descending is { } d && Enum.TryParse<TColumn>(label, out var column) ? new(column, d) : fallback;
}

public static class ListOrdering
{
    public static IOrderedQueryable<T> By<T, TKey>(this IQueryable<T> query, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    public static IOrderedQueryable<T> Then<T, TKey>(this IOrderedQueryable<T> query, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? query.ThenByDescending(key) : query.ThenBy(key);

    /// <summary>
    /// The same steps on a query's expression, for a list compiled once per sort: ordered by the key (<paramref name="then"/>:
    /// after the order already there), either way.
    /// </summary>
    public static Expression By<T>(Expression query, LambdaExpression key, bool descending, bool then = false) =>
        Expression.Call(typeof(Queryable),
            then ? (descending ? nameof(Queryable.ThenByDescending) : nameof(Queryable.ThenBy)) : (descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy)),
            [typeof(T), key.ReturnType], query, Expression.Quote(key));

    /// <summary>A page of the ordered query's expression.</summary>
    public static Expression Page<T>(Expression query, Expression skip, Expression take) =>
        Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], Expression.Call(typeof(Queryable), nameof(Queryable.Skip), [typeof(T)], query, skip), take);
}
