using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EcomOps.Domain.Data;

/// <summary>
/// On PostgreSQL, sorts put empty values where SQLite puts them (the console was built on SQLite and its lists, exports
/// and tests read that way): first going up, last going down. PostgreSQL's own default is the other way round, so a
/// list sorted by assignee, ship-by time or category would read differently on the two engines. Every ordering by a
/// key that can be empty is preceded, before the query is translated, by the same ordering on whether the key is
/// empty. Registered for PostgreSQL only: SQLite's plans, its index-ordered scans above all, stay as they are.
/// </summary>
public sealed class NullsSortedLikeSqlite : IQueryExpressionInterceptor
{
    public static readonly NullsSortedLikeSqlite Instance = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
        new Rewriter().Visit(queryExpression);

    private sealed class Rewriter : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var method = node.Method;
            if (method.DeclaringType != typeof(Queryable)
                || method.Name is not (nameof(Queryable.OrderBy) or nameof(Queryable.OrderByDescending) or nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending))
                || node.Arguments.Count != 2
                || StripQuotes(node.Arguments[1]) is not LambdaExpression key
                || !CanBeEmpty(key.ReturnType))
            {
                return base.VisitMethodCall(node);
            }
            var source = Visit(node.Arguments[0]);
            var element = method.GetGenericArguments()[0];
            // The key's emptiness first (0 for empty), in the same direction as the key itself.
            var emptiness = Expression.Lambda(
                Expression.Condition(Expression.Equal(key.Body, Expression.Constant(null, key.ReturnType)), Expression.Constant(0), Expression.Constant(1)),
                key.Parameters);
            var first = Expression.Call(typeof(Queryable), method.Name, [element, typeof(int)], source, Expression.Quote(emptiness));
            var then = method.Name is nameof(Queryable.OrderByDescending) or nameof(Queryable.ThenByDescending)
                ? nameof(Queryable.ThenByDescending)
                : nameof(Queryable.ThenBy);
            return Expression.Call(typeof(Queryable), then, [element, key.ReturnType], first, Expression.Quote(key));
        }

        private static bool CanBeEmpty(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

        private static Expression StripQuotes(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : e;
    }
}
