using EcomOps.Domain.Calendars;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Console;

/// <summary>What happens once before the console serves: migrations, then demo data or the first admin.</summary>
public static class StartUp
{
    /// <param name="forSeedCommand">The seed command makes the data itself: no demo data on start, and no first admin,
    /// which would make the database look taken.</param>
    public static async Task PrepareDatabaseAsync(WebApplication app, bool forSeedCommand)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("StartUp");
        await OpsDbSetup.MigrateAsync(app.Services.GetRequiredService<IDbContextFactory<OpsDb>>());
        // Every start, every environment: writes the holiday seeds not written yet (never over a person's edits).
        await app.Services.GetRequiredService<CalendarDays>().SeedAsync();
        await app.Services.GetRequiredService<EcomOps.Domain.Service.SlaSettingsDesk>().SyncAsync();
        if (forSeedCommand)
        {
            return;
        }

        if (app.Environment.IsDevelopment())
        {
            var generator = app.Services.GetRequiredService<DemoDataGenerator>();
            if (app.Configuration.GetValue("DemoData:SeedOnStart", true) && await generator.IsEmptyAsync())
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

/// <summary>
/// <c>dotnet run --project EcomOps.Console -- seed --size large [--reset]</c>: (re)generates the demo data. Only in
/// Development, unless <c>--allow-production</c> is given; even then nobody gets a sign-in (the demo password is public).
/// </summary>
public static class SeedCommand
{
    public const string AllowProduction = "--allow-production";

    public static bool TryParse(string[] args, out string[] rest)
    {
        rest = args.Length > 0 && args[0] == "seed" ? args[1..] : args;
        return args.Length > 0 && args[0] == "seed";
    }

    /// <summary>Why the command may not run here, or null when it may. Asked before anything touches the database.</summary>
    public static string? Refusal(IHostEnvironment environment, string[] args) =>
        environment.IsDevelopment() || args.Contains(AllowProduction)
            ? null
            : $"Refused: seed generates demo data and is meant for Development, but this is the {environment.EnvironmentName} environment " +
              $"(ASPNETCORE_ENVIRONMENT). Nothing was changed. To fill this database with demo business data anyway (no demo sign-ins), " +
              $"add {AllowProduction}.";

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
        var withSignIns = app.Environment.IsDevelopment();
        await generator.SeedAsync(size, withSignIns);
        await System.Console.Out.WriteLineAsync(withSignIns
            ? $"Demo data ({size}) generated in {started.Elapsed.TotalSeconds:F1} s. Demo password: {DemoDataGenerator.DemoPassword}"
            : $"Demo business data ({size}) generated in {started.Elapsed.TotalSeconds:F1} s, without sign-ins ({app.Environment.EnvironmentName}): " +
              "the first admin comes from Bootstrap__AdminEmail and Bootstrap__AdminPassword at the next start.");
    }

    private static string? ValueAfter(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
