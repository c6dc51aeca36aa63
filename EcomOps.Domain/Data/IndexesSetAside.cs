using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Data;

/// <summary>
/// A bulk load's way past its tables' secondary indexes: drops them before the rows go in and builds them again after,
/// inside the caller's transaction. SQLite updates every index row by row as each row is inserted, in random order for
/// most of them (names, phones, totals), so past the page cache each insert reads and writes pages all over the file;
/// building an index afterwards sorts its entries once and writes it in order. The primary keys and their implicit
/// indexes stay. Unique indexes are checked when they are built again, so a duplicate still fails the load.
/// </summary>
public sealed class IndexesSetAside
{
    private readonly OpsDb _db;
    private readonly IReadOnlyList<string> _definitions;

    private IndexesSetAside(OpsDb db, IReadOnlyList<string> definitions) => (_db, _definitions) = (db, definitions);

    /// <summary>How many indexes were set aside (none on a database that is not SQLite).</summary>
    public int Count => _definitions.Count;

    /// <summary>Drops the secondary indexes of the tables the entity types are stored in, remembering how to build each again.</summary>
    public static async Task<IndexesSetAside> DropAsync(OpsDb db, IReadOnlyCollection<Type> entityTypes, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return new IndexesSetAside(db, []);
        }
        var names = System.Text.Json.JsonSerializer.Serialize(entityTypes.Select(t => db.Model.FindEntityType(t)!.GetTableName()!).Distinct());
        // Indexes SQLite made itself (primary keys, UNIQUE constraints) have no SQL and cannot be dropped.
        var indexes = await db.Database
            .SqlQuery<IndexDefinition>($"SELECT name AS Name, sql AS Sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each({names})) ORDER BY name")
            .ToListAsync(ct);
        foreach (var index in indexes)
        {
            // DDL takes no parameters; the name is the schema's own, quoted.
            var drop = "DROP INDEX \"" + index.Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\";";
            await db.Database.ExecuteSqlRawAsync(drop, ct);
        }
        return new IndexesSetAside(db, [.. indexes.Select(i => i.Sql)]);
    }

    /// <summary>Builds every index set aside again, as its migration defined it.</summary>
    public async Task RestoreAsync(CancellationToken ct)
    {
        foreach (var definition in _definitions)
        {
            await _db.Database.ExecuteSqlRawAsync(definition, ct);
        }
    }

    private sealed class IndexDefinition
    {
        public string Name { get; set; } = "";

        public string Sql { get; set; } = "";
    }
}
