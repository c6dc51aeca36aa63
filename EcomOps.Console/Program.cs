using EcomOps.Console;
using EcomOps.Console.Auth;
using EcomOps.Console.Components;
using EcomOps.Console.Components.Layout;
using EcomOps.Console.Features.Analytics;
using EcomOps.Console.Features.Catalog;
using EcomOps.Console.Features.Orders;
using EcomOps.Console.Features.Service;
using EcomOps.Console.Features.Service.Feedback;
using EcomOps.Console.Features.Service.Mail;
using EcomOps.Console.Jobs;
using EcomOps.Console.Live;
using EcomOps.Console.Web;
using EcomOps.Console.Localization;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

// The platforms export GBK (read as GB18030), which .NET only knows once the code-page provider is registered.
System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

var seedCommand = SeedCommand.TryParse(args, out var seedArgs);
var builder = WebApplication.CreateBuilder(seedCommand ? seedArgs : args);
// The styles and scripts of the packages (MudBlazor, Blazor's own) are served from the build output in every
// environment, not only Development: `dotnet run` in Production served them as 500s. A published console has them in
// its wwwroot and no build manifest, and this does nothing there.
builder.WebHost.UseStaticWebAssets();
ConsoleConfiguration.UseRootSettings(builder.Configuration, builder.Environment);
if (seedCommand && SeedCommand.Refusal(builder.Environment, seedArgs) is { } refusal)
{
    await System.Console.Error.WriteLineAsync(refusal);
    Environment.ExitCode = 2;
    return;
}

// Complaint time targets from the "Complaints" section; the Domain's defaults (2 h, 14 h, 30 min) otherwise.
builder.Services.AddSingleton(builder.Configuration.GetSection("Complaints").Get<EcomOps.Domain.Service.Complaints.ComplaintSettings>()
    ?? new EcomOps.Domain.Service.Complaints.ComplaintSettings());
builder.Services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Orders").Get<EcomOps.Domain.Orders.OrderSettings>() ?? new EcomOps.Domain.Orders.OrderSettings());
// Training reminders: Training:Reminder:DaysBefore (default 1) and Training:Reminder:At (company time, default 09:00).
builder.Services.AddSingleton(sp =>
{
    var section = sp.GetRequiredService<IConfiguration>().GetSection("Training:Reminder");
    return new EcomOps.Domain.People.TrainingSettings(section.GetValue("DaysBefore", 1),
        TimeOnly.TryParse(section["At"], System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : EcomOps.Domain.People.TrainingSettings.DefaultAt);
});
builder.Services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Campaigns").Get<EcomOps.Domain.Campaigns.CampaignSettings>() ?? new EcomOps.Domain.Campaigns.CampaignSettings());
builder.Services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Surveys").Get<EcomOps.Domain.Service.Surveys.SurveySettings>() ?? new EcomOps.Domain.Service.Surveys.SurveySettings());
builder.Services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Mail").Get<EcomOps.Domain.Service.Mail.MailSettings>() ?? new EcomOps.Domain.Service.Mail.MailSettings());
builder.Services.AddOpsDomain(sp => ConsoleConfiguration.Database(sp.GetRequiredService<IConfiguration>()));
if (EF.IsDesignTime)
{
    // Only for `dotnet ef migrations add … --context PostgresOpsDb`: PostgreSQL's migrations are made from this context.
    // (A design-time factory would not do: the tools would take it for OpsDb's as well and make SQLite's migrations for PostgreSQL.)
    builder.Services.AddDbContext<PostgresOpsDb>(o => o.UseNpgsql(PostgresOpsDb.DesignTimeConnection));
}
builder.Services.AddCompanyTime(builder.Configuration["Company:TimeZone"]);
// Identity's stores and the health check take the context from the container: one per request, made by the factory.
builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContext());

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices(o =>
{
    // Bottom right: out of the way of the page's own buttons at the top.
    o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
    o.SnackbarConfiguration.VisibleStateDuration = 4000;
    // MudBlazor disconnects closed popovers (menus, selects, tooltips) from its script in batches, on a timer that
    // runs in every circuit that has shown one, whether or not anything waits: at its default (twice a second) 200 idle
    // queue tabs cost the server 4-5 % of a core in timer wake-ups. The batch only cleans up what is already gone from
    // the page, so it runs every ten seconds.
    o.PopoverOptions.QueueDelay = TimeSpan.FromSeconds(10);
});
builder.Services.AddSingleton<ThemeStyles>();
builder.Services.AddOpsLocalization();
builder.Services.AddOpsAuth();
builder.Services.AddOpsRateLimits();
builder.Services.AddSignalR();
builder.Services.AddSingleton<HubBoards>();
builder.Services.AddHostedService<OpsHubBridge>();
builder.Services.AddSingleton<TicketPresence>();
// The live channel between the servers of a cluster (Live:Channel; one server on its own by default).
builder.Services.AddSingleton(sp => EcomOps.Console.Live.Cluster.LiveChannelSettings.From(sp.GetRequiredService<IConfiguration>()));
builder.Services.AddSingleton<EcomOps.Console.Live.Cluster.PeerPresence>();
builder.Services.AddSingleton<EcomOps.Console.Live.Cluster.ClusterLink>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<EcomOps.Console.Live.Cluster.ClusterLink>());
builder.Services.AddSingleton<EcomOps.Console.Features.Contact.ContactFormStamp>();
builder.Services.AddOpsJobs();
builder.Services.AddAnalyticsConsole();
builder.Services.AddHealthChecks()
    .AddDbContextCheck<OpsDb>("database")
    .AddCheck<JobServerHealthCheck>("jobs")
    .AddCheck<EcomOps.Console.Live.Cluster.LiveChannelHealthCheck>("live");
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<EcomOps.Console.Components.Account.IdentityRedirectManager>();

var app = builder.Build();

try
{
    await StartUp.PrepareDatabaseAsync(app, forSeedCommand: seedCommand);
    if (!seedCommand)
    {
        await app.Services.GetRequiredService<EcomOps.Console.Live.Cluster.ClusterLink>().ConnectAsync();
    }
}
catch (Exception e) when (e is DatabaseSettingException or EcomOps.Console.Live.Cluster.LiveSettingException)
{
    // A setting that cannot work: say which and stop, rather than serve pages on a database that is not there, or
    // boards that miss the other servers' changes.
    await System.Console.Error.WriteLineAsync($"EcomOps cannot start: {e.Message}");
    Environment.ExitCode = 2;
    return;
}
if (seedCommand)
{
    await SeedCommand.RunAsync(app, seedArgs);
    return;
}

// First, so that everything after it (the rate limits above all) sees the client's address, not the proxy's.
app.UseForwardedClientAddress(app.Configuration);
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseDatabaseBusyAnswer();
app.UseOpsLocalization();
// After localization, so a 429 page speaks the visitor's language; endpoints name their limits (RateLimits).
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapCultureEndpoint();
app.MapOrderEndpoints();
app.MapServiceEndpoints();
app.MapMailEndpoints();
app.MapFeedbackEndpoints();
app.MapAnalyticsEndpoints();
app.MapCatalogEndpoints();
app.MapHub<OpsHub>(OpsHub.Path);
app.MapOpsJobsDashboard();
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();

app.Run();

public partial class Program;
