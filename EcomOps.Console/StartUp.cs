using EcomOps.Domain.Calendars;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Console;

/// <summary>What happens once before the console serves: migrations, then demo data or the first admin.</summary>
public static class StartUp
{
    public static async Task PrepareDatabaseAsync(WebApplication app, bool seedDemoData)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("StartUp");
        await OpsDbSetup.MigrateAsync(app.Services.GetRequiredService<IDbContextFactory<OpsDb>>());
        // Every start, every environment: writes the holiday seeds not written yet (never over a person's edits).
        await app.Services.GetRequiredService<CalendarDays>().SeedAsync();
        await app.Services.GetRequiredService<EcomOps.Domain.Service.SlaSettingsDesk>().SyncAsync();

        if (app.Environment.IsDevelopment())
        {
            var generator = app.Services.GetRequiredService<DemoDataGenerator>();
            if (seedDemoData && app.Configuration.GetValue("DemoData:SeedOnStart", true) && await generator.IsEmptyAsync())
            {
                var size = app.Configuration.GetValue("DemoData:Size", DemoSize.Standard);
                logger.LogInformation("Empty database: filling it with {Size} demo data", size);
                await generator.SeedAsync(size);
            }
            return;
        }

        var outcome = await app.Services.GetRequiredService<OrgBootstrap>()
            .EnsureFirstAdminAsync(app.Configuration["Bootstrap:AdminEmail"], app.Configuration["Bootstrap:AdminPassword"]);
        if (outcome is { Succeeded: true })
        {
            logger.LogInformation("Created the first admin {Email}", app.Configuration["Bootstrap:AdminEmail"]);
        }
        else if (outcome is not null)
        {
            logger.LogWarning("No admin exists and none could be created ({Errors}): set Bootstrap__AdminEmail and Bootstrap__AdminPassword",
                string.Join(", ", outcome.Errors.Select(e => $"{e.Field}: {e.Code}")));
        }
    }
}

/// <summary><c>dotnet run --project EcomOps.Console -- seed --size large [--reset]</c>: (re)generates the demo data.</summary>
public static class SeedCommand
{
    public static bool TryParse(string[] args, out string[] rest)
    {
        rest = args.Length > 0 && args[0] == "seed" ? args[1..] : args;
        return args.Length > 0 && args[0] == "seed";
    }

    public static async Task RunAsync(WebApplication app, string[] args)
    {
        var sizeText = ValueAfter(args, "--size") ?? "standard";
        if (!Enum.TryParse<DemoSize>(sizeText, ignoreCase: true, out var size))
        {
            await System.Console.Error.WriteLineAsync($"Unknown size '{sizeText}': use minimal, standard or large.");
            Environment.ExitCode = 2;
            return;
        }
        var factory = app.Services.GetRequiredService<IDbContextFactory<OpsDb>>();
        var generator = app.Services.GetRequiredService<DemoDataGenerator>();
        if (!await generator.IsEmptyAsync())
        {
            if (!args.Contains("--reset"))
            {
                await System.Console.Error.WriteLineAsync("The database already has data: add --reset to delete it and generate anew.");
                Environment.ExitCode = 2;
                return;
            }
            await using (var db = await factory.CreateDbContextAsync())
            {
                await db.Database.EnsureDeletedAsync();
            }
            await OpsDbSetup.MigrateAsync(factory);
            await app.Services.GetRequiredService<CalendarDays>().SeedAsync();
            await app.Services.GetRequiredService<EcomOps.Domain.Service.SlaSettingsDesk>().SyncAsync();
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        await generator.SeedAsync(size);
        await System.Console.Out.WriteLineAsync($"Demo data ({size}) generated in {started.Elapsed.TotalSeconds:F1} s. Demo password: {DemoDataGenerator.DemoPassword}");
    }

    private static string? ValueAfter(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
