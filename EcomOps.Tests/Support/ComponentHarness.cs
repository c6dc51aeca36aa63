using Bunit;
using EcomOps.Console;
using EcomOps.Console.Localization;
using EcomOps.Domain.Audit;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace EcomOps.Tests.Support;

/// <summary>bUnit with MudBlazor, the console's localizer and the Domain services of a <see cref="DomainHarness"/>.</summary>
public static class ComponentHarness
{
    public static BunitContext NewContext(DomainHarness domain)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        ctx.Services.AddSingleton(domain.Get<LiveFeed>());
        ctx.Services.AddSingleton(domain.Get<EmployeeDirectory>());
        ctx.Services.AddSingleton(domain.Get<AuditTrail>());
        ctx.Services.AddSingleton(domain.Get<Domain.Service.TicketQueue>());
        ctx.Services.AddSingleton(domain.Get<Domain.Service.ServiceAlerts>());
        ctx.Services.AddSingleton(domain.Get<Domain.Notifications.NotificationCentre>());
        ctx.Services.AddSingleton(domain.Get<Domain.People.TrainingDesk>());
        ctx.Services.AddSingleton(domain.Get<Domain.People.TrainingQueries>());
        ctx.Services.AddSingleton(domain.Get<Domain.People.CareerDesk>());
        ctx.Services.AddSingleton(domain.Get<Domain.People.AppraisalDesk>());
        ctx.Services.AddSingleton(domain.Get<Domain.People.AppraisalQueries>());
        ctx.Services.AddSingleton(domain.Get<CompanyTime>());
        ctx.Services.AddSingleton(domain.Get<Domain.Data.UserPreferences>());
        ctx.Services.AddSingleton<DisplayFormat>();
        ctx.Services.AddSingleton(domain.Get<Domain.Catalog.ListingQueries>());
        ctx.Services.AddSingleton(domain.Get<Domain.Catalog.ListingDesk>());
        ctx.Services.AddSingleton(domain.Get<Domain.Catalog.Compliance.ComplianceQueries>());
        ctx.Services.AddSingleton(domain.Get<Domain.Catalog.Compliance.ComplianceAuditor>());
        ctx.Services.AddTransient<MudBlazor.MudLocalizer, ConsoleMudLocalizer>();
        ctx.Services.AddSingleton(domain.Get<PeopleNames>());
        ctx.Services.AddSingleton(domain.Get<Domain.Analytics.MetricCatalogue>());
        // The boards every viewer shares are the Domain's singletons, as in the console.
        ctx.Services.AddSingleton(domain.Get<SharedBoard<HomeBoard>>());
        ctx.Services.AddSingleton(domain.Get<SharedBoard<ComplaintBoard>>());
        ctx.Services.AddSingleton(domain.Get<SharedBoard<Domain.Orders.OrderBoard>>());
        ctx.Services.AddSingleton(domain.Get<SharedBoard<Domain.Inventory.AlertBoard>>());
        ctx.Services.AddSingleton(domain.Get<SharedBoard<Domain.Design.DesignBoard>>());
        ctx.Services.AddSingleton(domain.Get<Domain.Design.DesignDesk>());
        ctx.Services.AddSingleton(domain.Get<Domain.Design.DesignQueries>());
        ctx.Services.AddSingleton(domain.Get<Domain.Design.DesignSpecBook>());
        // A design request or campaign made on the optimisation board links back to its finding.
        ctx.Services.AddSingleton(domain.Get<Domain.Analytics.Optimisation.OptimisationDesk>());
        // The e-mail behind ticket entries and the mailboxes page.
        ctx.Services.AddSingleton(domain.Get<Domain.Service.Mail.MailboxDesk>());
        ctx.Services.AddSingleton(domain.Get<Domain.Service.Mail.MailOutbox>());
        ctx.Services.AddSingleton(domain.Get<Domain.Service.Mail.MailFetcher>());
        ctx.Services.AddSingleton(domain.Get<Domain.Service.Mail.MailSettings>());
        // The menu lists the development SMS texts only where that gateway is the registered one.
        ctx.Services.AddSingleton(domain.Get<Domain.Orders.DevelopmentSmsGateway>());
        ctx.Services.AddSingleton(domain.Get<Domain.Orders.ISmsGateway>());
        return ctx;
    }
}
