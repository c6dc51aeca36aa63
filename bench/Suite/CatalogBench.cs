using System.Diagnostics;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Compliance;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcomOps.Bench;

/// <summary>
/// The catalogue at 100,000 listings (issue 13): the listings page's first page with each filter through the Domain,
/// against the very SQL the Domain sent run by hand through Microsoft.Data.Sqlite, and the weekly compliance audit over
/// all of them. The database is the Standard demo
/// catalogue copied until it holds 100,000 listings (products, SKUs, stock, images and listings, each copy a new code).
/// </summary>
internal static class CatalogBench
{
    public const int TargetListings = 100_000;

    public static async Task<List<Figure>> RunAsync(string database, int calls, int reps)
    {
        var recorder = new ListsBench.CommandRecorder();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IInterceptor>(recorder);
        services.AddOpsDomain(_ => $"Data Source={database}");
        services.AddCompanyTime("Asia/Shanghai");
        await using var provider = services.BuildServiceProvider();
        var dbFactory = provider.GetRequiredService<IDbContextFactory<OpsDb>>();
        await OpsDbSetup.MigrateAsync(dbFactory);
        var figures = new List<Figure>();
        var seeding = Stopwatch.StartNew();
        if (await provider.GetRequiredService<DemoDataGenerator>().IsEmptyAsync())
        {
            await provider.GetRequiredService<DemoDataGenerator>().SeedAsync(DemoSize.Standard);
        }
        var listings = await GrowAsync(database, TargetListings);
        System.Console.WriteLine($"  catalogue: {listings:#,0} listings ready in {seeding.Elapsed.TotalSeconds:0} s");

        var queries = provider.GetRequiredService<ListingQueries>();
        int channel, category, brand;
        string code, word;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            channel = await db.SalesChannels.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            category = await db.Categories.Where(c => c.ParentId == null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            brand = await db.Brands.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
            var sku = await db.Skus.Where(s => s.ProductId != null).OrderBy(s => s.Id).Skip(500).Select(s => s.Code).FirstAsync();
            code = sku;
            word = (await db.Products.OrderBy(p => p.Id).Skip(300).Select(p => p.Name).FirstAsync()).Split(' ', '·')[0][..2];
        }
        var scenarios = new (string Name, Func<Task> Run)[]
        {
            ("all, by title", () => queries.ListingsAsync(new ListingFilter(), ListingQueries.ByTitle, 0, 25)),
            ("one channel", () => queries.ListingsAsync(new ListingFilter(ChannelId: channel), ListingQueries.ByTitle, 0, 25)),
            ("live", () => queries.ListingsAsync(new ListingFilter(State: ListingState.Live), ListingQueries.ByTitle, 0, 25)),
            ("80–99% complete", () => queries.ListingsAsync(new ListingFilter(Band: CompletenessBand.Nearly), ListingQueries.ByTitle, 0, 25)),
            ("a top category", () => queries.ListingsAsync(new ListingFilter(CategoryId: category), ListingQueries.ByTitle, 0, 25)),
            ("a brand", () => queries.ListingsAsync(new ListingFilter(BrandId: brand), ListingQueries.ByTitle, 0, 25)),
            ($"search a SKU code ({code})", () => queries.ListingsAsync(new ListingFilter(Search: code), ListingQueries.ByTitle, 0, 25)),
            ($"search a word ({word})", () => queries.ListingsAsync(new ListingFilter(Search: word), ListingQueries.ByTitle, 0, 25)),
            ("least complete first", () => queries.ListingsAsync(new ListingFilter(), new ListSort<ListingColumn>(ListingColumn.Completeness), 0, 25)),
        };
        figures.AddRange(await ListsBench.CompareAsync(database, recorder, scenarios, calls, reps, "listings page", 1.5, 50, $" at {listings:#,0} listings"));

        // The weekly audit over every live and paused listing, as a first run of the week each time (the findings and
        // runs of the repetition before are removed first, so each one opens every finding).
        var auditor = provider.GetRequiredService<ComplianceAuditor>();
        var audits = new List<double>();
        long checkedListings = 0, opened = 0;
        for (var rep = 0; rep < reps; rep++)
        {
            await using (var clear = new SqliteConnection($"Data Source={database}"))
            {
                await clear.OpenAsync();
                await using var command = clear.CreateCommand();
                command.CommandText = "DELETE FROM ListingFindings; DELETE FROM AuditTallies; DELETE FROM AuditRuns;";
                await command.ExecuteNonQueryAsync();
            }
            var watch = Stopwatch.StartNew();
            var run = await auditor.RunAsync(Actor.System, AuditTrigger.OnDemand);
            audits.Add(watch.Elapsed.TotalSeconds);
            (checkedListings, opened) = (run.Value!.Run.ListingsChecked, run.Value.Run.FindingsOpened);
            System.Console.WriteLine($"  audit: {watch.Elapsed.TotalSeconds:0.0} s, {checkedListings:#,0} listings checked, {opened:#,0} findings opened");
        }
        figures.Add(new Figure("compliance audit", $"a week's run over {checkedListings:#,0} live and paused listings ({opened:#,0} findings opened)", "s", audits,
            "", null, "under 30 s", Stats.Median(audits) < 30));
        return figures;
    }

    /// <summary>
    /// Copies the catalogue the demo made (products, their SKUs, stock, images, listings and channel prices) with new
    /// ids and codes until there are <paramref name="target"/> listings; returns how many there are.
    /// </summary>
    private static async Task<long> GrowAsync(string database, int target)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        async Task<long> ScalarAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
        }
        var listings = await ScalarAsync("SELECT COUNT(*) FROM Listings");
        if (listings >= target || listings == 0)
        {
            return listings;
        }
        // The originals are what the demo made: everything up to these ids is copied in each round.
        var (products, skus, listingIds, images) = (await ScalarAsync("SELECT MAX(Id) FROM Products"), await ScalarAsync("SELECT MAX(Id) FROM Skus"),
            await ScalarAsync("SELECT MAX(Id) FROM Listings"), await ScalarAsync("SELECT COALESCE(MAX(Id), 0) FROM ProductImages"));
        var perRound = listings;
        for (var round = 1; listings < target; round++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            var o = new Dictionary<string, long> { ["p"] = products * round, ["s"] = skus * round, ["l"] = listingIds * round, ["i"] = images * round };
            await CopyAsync(connection, transaction, "Products", $"Id <= {products}", new()
            {
                ["Id"] = $"Id + {o["p"]}", ["Name"] = $"Name || ' #{round}'",
            });
            await CopyAsync(connection, transaction, "Skus", $"Id <= {skus} AND ProductId IS NOT NULL", new()
            {
                ["Id"] = $"Id + {o["s"]}", ["ProductId"] = $"ProductId + {o["p"]}", ["Code"] = $"Code || '-C{round}'",
                ["Barcode"] = $"CASE WHEN Barcode IS NULL THEN NULL ELSE Barcode || '{round:D2}' END",
            });
            await CopyAsync(connection, transaction, "StockBalances", $"SkuId <= {skus} AND SkuId IN (SELECT Id FROM Skus WHERE ProductId IS NOT NULL AND Id <= {skus})", new()
            {
                ["SkuId"] = $"SkuId + {o["s"]}",
            });
            await CopyAsync(connection, transaction, "ProductImages", $"Id <= {images}", new()
            {
                ["Id"] = $"Id + {o["i"]}", ["ProductId"] = $"ProductId + {o["p"]}",
            });
            await CopyAsync(connection, transaction, "Listings", $"Id <= {listingIds}", new()
            {
                ["Id"] = $"Id + {o["l"]}", ["ProductId"] = $"ProductId + {o["p"]}", ["Title"] = $"Title || ' #{round}'",
            });
            await CopyAsync(connection, transaction, "ListingPrices", $"ListingId <= {listingIds}", new()
            {
                ["ListingId"] = $"ListingId + {o["l"]}", ["SkuId"] = $"SkuId + {o["s"]}",
            });
            await transaction.CommitAsync();
            listings += perRound;
        }
        await using (var analyse = connection.CreateCommand())
        {
            analyse.CommandText = "ANALYZE";
            await analyse.ExecuteNonQueryAsync();
        }
        return await ScalarAsync("SELECT COUNT(*) FROM Listings");
    }

    private static async Task CopyAsync(SqliteConnection connection, SqliteTransaction transaction, string table, string where, Dictionary<string, string> overrides)
    {
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.Transaction = transaction;
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }
        await using var copy = connection.CreateCommand();
        copy.Transaction = transaction;
        copy.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"SELECT {string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var expression) ? expression : $"\"{c}\""))} FROM \"{table}\" WHERE {where}";
        await copy.ExecuteNonQueryAsync();
    }
}
