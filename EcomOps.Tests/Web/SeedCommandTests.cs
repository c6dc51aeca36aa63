using System.Diagnostics;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Web;

/// <summary>
/// The seed command as an operator runs it: the console's own binary in a process of its own, with the environment
/// and connection string given the way a server gives them (environment variables).
/// </summary>
public sealed class SeedCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Database => _folder.File("prod.db");

    private async Task<(int ExitCode, string Output, string Errors)> SeedAsync(string environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EcomOps.Console.dll"));
        start.ArgumentList.Add("seed");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["ConnectionStrings__Ops"] = $"Data Source={Database}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    private long Count(string table)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Seed_outside_development_without_allow_production_is_refused_and_touches_nothing()
    {
        var existing = "an existing production database"u8.ToArray();
        await File.WriteAllBytesAsync(Database, existing);

        var (exitCode, output, errors) = await SeedAsync("Production", "--size", "minimal", "--reset");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Production", errors, StringComparison.Ordinal);
        Assert.Contains("--allow-production", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoDataGenerator.DemoPassword, output + errors, StringComparison.Ordinal);
        Assert.Equal(existing, await File.ReadAllBytesAsync(Database));
    }

    [Fact]
    public async Task Seed_with_allow_production_makes_business_data_but_no_sign_ins_and_the_first_admin_still_comes_from_configuration()
    {
        var (exitCode, output, errors) = await SeedAsync("Production", "--size", "minimal", "--allow-production");

        Assert.True(exitCode == 0, $"exit {exitCode}: {errors}");
        Assert.DoesNotContain(DemoDataGenerator.DemoPassword, output + errors, StringComparison.Ordinal);
        Assert.Equal(0, Count("AspNetUsers"));
        Assert.True(Count("Employees") > 0);
        Assert.True(Count("Orders") > 0);

        // The next ordinary start creates the configured admin, who is the only one able to sign in.
        SqliteConnection.ClearAllPools();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ConnectionStrings:Ops", $"Data Source={Database}");
            b.UseSetting("Bootstrap:AdminEmail", "it@example.com");
            b.UseSetting("Bootstrap:AdminPassword", "First#Admin2026");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        _ = factory.Server;
        var admins = await factory.Services.GetRequiredService<EmployeeDirectory>().SearchAsync(new EmployeeQuery { Role = Roles.Admin });
        Assert.Equal("it@example.com", Assert.Single(admins.Items).Email);
        Assert.Equal(1, Count("AspNetUsers"));
    }
}
