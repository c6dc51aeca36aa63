using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EcomOps.Domain.Data;

/// <summary>
/// Inserts rows of one entity type with a single prepared command on the caller's connection and transaction,
/// reading table, columns and value conversions (enums as text, UTC times) from the EF model, so the rows are exactly
/// what EF would have written. It bypasses change tracking, the change capture and the live feed: bulk demo data uses
/// it directly, and operations through <see cref="ChangeCapture.Insert{T}"/>, which publishes the rows' live changes.
/// Keys are the caller's to assign, or the database's (<c>keysFromDatabase</c>): then each row gets its new key.
/// </summary>
public sealed class BulkInsert<T> : IDisposable where T : class
{
    private readonly DbCommand _command;
    private readonly (Func<object, object?> Get, Func<object?, object?>? Convert, DbParameter Parameter)[] _columns;
    private readonly IProperty? _generatedKey;

    public BulkInsert(DbContext db, bool keysFromDatabase = false)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        if (keysFromDatabase)
        {
            _generatedKey = entity.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd, PropertyInfo: not null } key]
                ? key
                : throw new InvalidOperationException($"{typeof(T).Name}'s key is not one the database generates.");
        }
        var properties = entity.GetProperties().Where(p => p.PropertyInfo is not null && p != _generatedKey).ToList();
        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        _columns = new (Func<object, object?>, Func<object?, object?>?, DbParameter)[properties.Count];
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var parameter = _command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            _command.Parameters.Add(parameter);
            var info = property.PropertyInfo!;
            _columns[i] = (Getters.GetOrAdd(info, Getter), property.GetTypeMapping().Converter?.ConvertToProvider, parameter);
        }
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""));
        var values = string.Join(", ", properties.Select((_, i) => $"@p{i}"));
        var returning = _generatedKey is null ? "" : $" RETURNING \"{_generatedKey.GetColumnName(table)}\"";
        _command.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({values}){returning}";
    }

    /// <summary>
    /// Each property's compiled read, made once per process: operations insert through a new instance per commit (an
    /// order's intake, say), and compiling the reads again each time cost every such commit a dynamic method per column,
    /// which the JIT compiled and the finalizer thread later tore down (busy with it through a whole profile of the push
    /// benchmark's trickle of single orders).
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<System.Reflection.PropertyInfo, Func<object, object?>> Getters = new();

    /// <summary>A compiled read of the property (reflection's GetValue costs more than the insert's binding at a million rows).</summary>
    private static Func<object, object?> Getter(System.Reflection.PropertyInfo info)
    {
        var row = System.Linq.Expressions.Expression.Parameter(typeof(object), "row");
        var read = System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Convert(row, info.DeclaringType!), info);
        return System.Linq.Expressions.Expression.Lambda<Func<object, object?>>(System.Linq.Expressions.Expression.Convert(read, typeof(object)), row).Compile();
    }

    public void Add(T row)
    {
        foreach (var (get, convert, parameter) in _columns)
        {
            var value = get(row);
            if (value is not null && convert is not null)
            {
                value = convert(value);
            }
            parameter.Value = value ?? DBNull.Value;
        }
        if (_generatedKey is null)
        {
            _command.ExecuteNonQuery();
        }
        else
        {
            var key = _command.ExecuteScalar()!;
            _generatedKey.PropertyInfo!.SetValue(row, Convert.ChangeType(key, _generatedKey.ClrType, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void Dispose() => _command.Dispose();
}
