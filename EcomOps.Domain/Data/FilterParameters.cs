using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Data;

/// <summary>
/// A list's filter is written once, as a lambda over the context and its values (an absent value is null and its condition
/// drops out of the SQL), for the list's EF Core compiled queries. A query that cannot be compiled (a raw-SQL text
/// search, a different order, an export) reads the same conditions with the values put in for the parameters.
/// </summary>
public static class FilterParameters
{
    /// <summary>The lambda's body with expressions put in for some of its parameters.</summary>
    public static Expression Put(LambdaExpression lambda, IReadOnlyDictionary<ParameterExpression, Expression> values) =>
        new Replace(values).Visit(lambda.Body);

    /// <summary>
    /// The filter's query with this context and the values object's properties put in for its parameters, matched by name
    /// (<c>channelId</c> takes <c>ChannelId</c>). They are read from the object, so EF Core sends them as parameters, as it
    /// does a closure's.
    /// </summary>
    public static IQueryable<T> Bound<T>(DbContext db, LambdaExpression filter, object values) where T : class
    {
        var put = new Dictionary<ParameterExpression, Expression>();
        foreach (var parameter in filter.Parameters)
        {
            if (parameter.Type.IsInstanceOfType(db))
            {
                put[parameter] = Expression.Constant(db, parameter.Type);
            }
            else if (values.GetType().GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property)
            {
                put[parameter] = Expression.Property(Expression.Constant(values), property);
            }
        }
        return db.Set<T>().AsQueryable().Provider.CreateQuery<T>(Put(filter, put));
    }

    private sealed class Replace(IReadOnlyDictionary<ParameterExpression, Expression> values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => values.GetValueOrDefault(node) ?? base.VisitParameter(node);
    }
}
