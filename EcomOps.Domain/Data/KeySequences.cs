using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EcomOps.Domain.Data;

/// <summary>
/// After rows were written with keys the writer chose (the demo data's bulk loads), PostgreSQL's identity sequences
/// still start at 1 and the next row the database numbers would collide: this moves each table's sequence past its
/// largest key. SQLite numbers from the largest key itself, so there is nothing to do there.
/// </summary>
public static class KeySequences
{
    public static async Task SyncAsync(OpsDb db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            if (entity.FindPrimaryKey()?.Properties is not [{ ValueGenerated: ValueGenerated.OnAdd } key]
                || (key.ClrType != typeof(int) && key.ClrType != typeof(long)))
            {
                continue;
            }
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var column = key.GetColumnName(table)!;
            var quoted = $"\"{table.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            // The names are the model's own; DDL-like calls take no identifiers as parameters.
            var sql = $"SELECT setval(pg_get_serial_sequence('{quoted.Replace("'", "''", StringComparison.Ordinal)}', '{column.Replace("'", "''", StringComparison.Ordinal)}'), " +
                      $"coalesce((SELECT max(\"{column}\") FROM {quoted}), 0) + 1, false)";
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }
}
