using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EcomOps.Domain.Data;

/// <summary>
/// Inserts rows of one entity type with a single prepared command on the caller's connection and transaction,
/// reading table, columns and value conversions (enums as text, UTC times) from the EF model, so the rows are exactly
/// what EF would have written. For bulk demo data: it bypasses change tracking, the change capture and the live feed.
/// Keys are the caller's to assign.
/// </summary>
public sealed class BulkInsert<T> : IDisposable where T : class
{
    private readonly DbCommand _command;
    private readonly (Func<object, object?> Get, Func<object?, object?>? Convert, DbParameter Parameter)[] _columns;

    public BulkInsert(OpsDb db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p.PropertyInfo is not null).ToList();
        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        _columns = new (Func<object, object?>, Func<object?, object?>?, DbParameter)[properties.Count];
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var parameter = _command.CreateParameter();
            parameter.ParameterName = $"$p{i}";
            _command.Parameters.Add(parameter);
            var info = property.PropertyInfo!;
            _columns[i] = (info.GetValue, property.GetTypeMapping().Converter?.ConvertToProvider, parameter);
        }
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""));
        var values = string.Join(", ", properties.Select((_, i) => $"$p{i}"));
        _command.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({values})";
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
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
