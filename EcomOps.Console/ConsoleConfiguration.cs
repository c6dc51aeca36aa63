namespace EcomOps.Console;

/// <summary>Where the console's settings come from.</summary>
public static class ConsoleConfiguration
{
    public const string DefaultConnectionString = "Data Source=data/ecomops.db";

    /// <summary>The database: <c>Database:Provider</c> (Sqlite, the default, or PostgreSql) and <c>ConnectionStrings:Ops</c>.</summary>
    public static EcomOps.Domain.Data.OpsDatabase Database(IConfiguration configuration) =>
        EcomOps.Domain.Data.OpsDatabase.From(configuration["Database:Provider"], configuration.GetConnectionString("Ops"), DefaultConnectionString);

    /// <summary>
    /// The one configuration file is <c>appsettings.json</c> at the repository root, copied beside the binaries.
    /// An environment file, environment variables and the command line still override it, in that order.
    /// </summary>
    public static void UseRootSettings(ConfigurationManager configuration, IWebHostEnvironment environment)
    {
        // Put first, so that every source the host already has (environment, command line, a test's settings) wins.
        var root = AppContext.BaseDirectory;
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        sources.Insert(0, JsonSource(Path.Combine(root, $"appsettings.{environment.EnvironmentName}.json"), optional: true));
        sources.Insert(0, JsonSource(Path.Combine(root, "appsettings.json"), optional: false));
    }

    private static Microsoft.Extensions.Configuration.Json.JsonConfigurationSource JsonSource(string path, bool optional)
    {
        var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = path, Optional = optional, ReloadOnChange = false };
        source.ResolveFileProvider();
        return source;
    }
}
