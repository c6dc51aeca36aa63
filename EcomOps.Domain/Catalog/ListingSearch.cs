using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Catalog;

/// <summary>
/// How the listings page finds a search term in a listing's title, its product's name and its SKUs' codes and barcodes
/// without reading every row: an SQLite FTS5 index with the trigram tokenizer (any substring of three characters or more,
/// case-insensitive), one row per listing. Chinese words are often two characters, which the trigram index cannot look
/// up by itself, so a two-character term is first turned into the indexed trigrams that start with it (from the index's
/// vocabulary, a range read); every indexed text ends with a space, so a pair at the very end has such a trigram too.
/// One character falls back to reading every title.
/// </summary>
public static class ListingSearch
{
    public enum Lookup
    {
        /// <summary>Three characters or more: one phrase of trigrams.</summary>
        Substring,

        /// <summary>Two characters: the trigrams that start with them.</summary>
        Pair,

        /// <summary>One character: no index can narrow it.</summary>
        Scan,
    }

    public static Lookup LookupFor(string term) => term.EnumerateRunes().Count() switch
    {
        >= 3 => Lookup.Substring,
        2 => Lookup.Pair,
        _ => Lookup.Scan,
    };

    /// <summary>The term as one FTS5 phrase: quoted, its own quotes doubled, so nothing in it is read as query syntax.</summary>
    public static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The vocabulary range that holds the trigrams starting with a pair (folded as the tokenizer folds it).</summary>
    public static (string From, string Before) PairRange(string pair)
    {
        var folded = pair.ToLowerInvariant();
        return (folded, folded + char.ConvertFromUtf32(0x10FFFF));
    }

    /// <summary>The ids of the listings whose indexed text holds the term, as a query the listing filter composes (SQLite only).</summary>
    internal static IQueryable<int> Matching(OpsDb db, string term)
    {
        if (LookupFor(term) == Lookup.Pair)
        {
            var (from, before) = PairRange(term);
            return db.Database.SqlQuery<int>($"""
                SELECT rowid AS Value FROM ListingSearch WHERE ListingSearch MATCH
                  (SELECT coalesce(group_concat('"' || replace(term, '"', '""') || '"', ' OR '), '""') FROM ListingSearchTerms WHERE term >= {from} AND term < {before})
                """);
        }
        var phrase = Phrase(term);
        return db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ListingSearch WHERE ListingSearch MATCH {phrase}");
    }

    /// <summary>A listing's indexed text, given the SQL that names its id.</summary>
    private static string TextOf(string listingId) => $"""
        (SELECT l.Title || ' ' || p.Name
                || coalesce((SELECT ' ' || group_concat(s.Code || coalesce(' ' || s.Barcode, ''), ' ') FROM Skus s WHERE s.ProductId = p.Id), '') || ' '
           FROM Listings l JOIN Products p ON p.Id = l.ProductId WHERE l.Id = {listingId})
        """;

    private static string Refresh(string productId) =>
        $"UPDATE ListingSearch SET Text = {TextOf("ListingSearch.rowid")} WHERE rowid IN (SELECT Id FROM Listings WHERE ProductId = {productId});";

    /// <summary>The triggers that keep the index in step with every write, whoever makes it (EF Core, bulk SQL, an import).</summary>
    private static readonly (string Name, string Drop, string Create)[] Triggers = Named(
        ("ListingSearch_ListingAdded", $"AFTER INSERT ON Listings BEGIN INSERT INTO ListingSearch(rowid, Text) VALUES (new.Id, {TextOf("new.Id")}); END"),
        ("ListingSearch_ListingChanged", $"AFTER UPDATE OF Title, ProductId ON Listings BEGIN UPDATE ListingSearch SET Text = {TextOf("new.Id")} WHERE rowid = new.Id; END"),
        ("ListingSearch_ListingDeleted", "AFTER DELETE ON Listings BEGIN DELETE FROM ListingSearch WHERE rowid = old.Id; END"),
        ("ListingSearch_ProductRenamed", $"AFTER UPDATE OF Name ON Products BEGIN {Refresh("new.Id")} END"),
        ("ListingSearch_SkuAdded", $"AFTER INSERT ON Skus WHEN new.ProductId IS NOT NULL BEGIN {Refresh("new.ProductId")} END"),
        ("ListingSearch_SkuChanged", $"AFTER UPDATE OF Code, Barcode, ProductId ON Skus BEGIN {Refresh("new.ProductId")} {Refresh("old.ProductId")} END"),
        ("ListingSearch_SkuDeleted", $"AFTER DELETE ON Skus WHEN old.ProductId IS NOT NULL BEGIN {Refresh("old.ProductId")} END"));

    private static (string, string, string)[] Named(params (string Name, string Body)[] triggers) =>
        [.. triggers.Select(t => (t.Name, $"DROP TRIGGER IF EXISTS {t.Name};", $"CREATE TRIGGER {t.Name} {t.Body};"))];

    private static readonly string Fill = $"INSERT INTO ListingSearch(rowid, Text) SELECT o.Id, {TextOf("o.Id")} FROM Listings o;";

    /// <summary>
    /// Creates the index, its vocabulary and its triggers when any of them is missing, and fills the index from the
    /// tables. Run after every migration: SQLite migrations that rebuild a table drop its triggers, and an index whose
    /// triggers were dropped would quietly miss new listings.
    /// </summary>
    internal static async Task EnsureAsync(OpsDb db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }
        var present = await db.Database.SqlQuery<string>($"SELECT name AS Value FROM sqlite_master WHERE name LIKE 'ListingSearch%'").ToListAsync(ct);
        var wanted = Triggers.Select(t => t.Name).Append("ListingSearch").Append("ListingSearchTerms");
        if (wanted.All(present.Contains))
        {
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("CREATE VIRTUAL TABLE IF NOT EXISTS ListingSearch USING fts5(Text, tokenize = 'trigram');", ct);
        await db.Database.ExecuteSqlRawAsync("CREATE VIRTUAL TABLE IF NOT EXISTS ListingSearchTerms USING fts5vocab(ListingSearch, 'row');", ct);
        foreach (var (_, drop, create) in Triggers)
        {
            await db.Database.ExecuteSqlRawAsync(drop, ct);
            await db.Database.ExecuteSqlRawAsync(create, ct);
        }
        await db.Database.ExecuteSqlRawAsync("DELETE FROM ListingSearch;", ct);
        await db.Database.ExecuteSqlRawAsync(Fill, ct);
        await transaction.CommitAsync(ct);
    }
}
