using System.Collections.Concurrent;
using EcomOps.Console.Auth;
using EcomOps.Domain.Org;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace EcomOps.Console.Components.Layout;

public sealed partial class NavMenu
{
    private sealed record NavItem(string Href, string Icon, string TextKey, string TestId, string Permission, bool Exact = false, string? Target = null, string? TitleKey = null);

    /// <summary>A link of its own (<see cref="Home"/>) or a group of links.</summary>
    private sealed record NavEntry(string TitleKey, string Icon, IReadOnlyList<NavItem>? Items, NavItem? Home = null);

    private static readonly NavItem HomeLink = new("/", Icons.Material.Filled.Home, "Nav.Home", "nav-home", Permissions.UseConsole, Exact: true);

    private static readonly NavEntry[] Everything =
    [
        new("Nav.Home", HomeLink.Icon, null, HomeLink),
        new("Nav.Service", Icons.Material.Filled.SupportAgent,
        [
            new("/service/queue", Icons.Material.Filled.Inbox, "Nav.Queue", "nav-queue", Permissions.WorkTickets),
            new("/service/answers", Icons.Material.Filled.LibraryBooks, "Nav.Answers", "nav-answers", Permissions.WorkTickets),
            // Every department answers the questions customer service refers to it.
            new("/service/referrals", Icons.Material.Filled.ForwardToInbox, "Nav.Referrals", "nav-referrals", Permissions.UseConsole),
            // Customers' feedback and suggestions go to the department that owns them: everyone reads their own.
            new("/service/feedback", Icons.Material.Filled.Feedback, "Feedback.Title", "nav-feedback", Permissions.UseConsole),
            // The operations director supervises the service without working tickets, and still owns its SLA.
            new("/service/sla", Icons.Material.Filled.Tune, "Nav.SlaSettings", "nav-sla", Permissions.SuperviseService),
            new("/service/mailboxes", Icons.Material.Filled.Mail, "Nav.Mailboxes", "nav-mailboxes", Permissions.ManageMailboxes),
        ]),
        new("Nav.Orders", Icons.Material.Filled.ShoppingCart,
        [
            new("/orders/board", Icons.Material.Filled.Dashboard, "Orders.Board.Title", "nav-order-board", Permissions.WorkOrders),
            new("/orders", Icons.Material.Filled.List, "Nav.OrderList", "nav-orders", Permissions.WorkOrders, Exact: true),
            new("/orders/exceptions", Icons.Material.Filled.PanTool, "Nav.OrderExceptions", "nav-order-exceptions", Permissions.WorkOrders),
            new("/orders/import", Icons.Material.Filled.UploadFile, "Nav.OrderImport", "nav-order-import", Permissions.WorkOrders),
            new("/orders/channels", Icons.Material.Filled.Hub, "Nav.OrderChannels", "nav-order-channels", Permissions.WorkOrders),
            new(DevelopmentSms, Icons.Material.Filled.Sms, "Nav.DevelopmentSms", "nav-development-sms", Permissions.ReadDevelopmentTexts),
        ]),
        new("Nav.Campaigns", Icons.Material.Filled.Campaign,
        [
            new("/campaigns", Icons.Material.Filled.CalendarMonth, "Nav.CampaignPlan", "nav-campaigns", Permissions.ViewCampaigns, Exact: true),
            new("/campaigns/board", Icons.Material.Filled.Bolt, "Campaign.Board.Title", "nav-campaign-board", Permissions.ViewCampaigns),
        ]),
        new("Nav.Catalog", Icons.Material.Filled.Storefront,
        [
            new("/catalog/products", Icons.Material.Filled.Sell, "Nav.Products", "nav-products", Permissions.ManageCatalog),
            new("/catalog/listings", Icons.Material.Filled.Storefront, "Nav.Listings", "nav-listings", Permissions.EditListings),
            new("/catalog/store-pages", Icons.Material.Filled.Web, "Nav.StorePages", "nav-store-pages", Permissions.EditListings),
            new("/catalog/findings", Icons.Material.Filled.ReportProblem, "Nav.Findings", "nav-findings", Permissions.EditListings),
            new("/catalog/audit", Icons.Material.Filled.FactCheck, "Nav.ComplianceAudit", "nav-compliance-audit", Permissions.ApproveListings),
            new("/catalog/categories", Icons.Material.Filled.AccountTree, "Nav.Categories", "nav-categories", Permissions.ManageCatalog),
            new("/catalog/brands", Icons.Material.Filled.Verified, "Nav.Brands", "nav-brands", Permissions.ManageCatalog),
            new("/catalog/price-bands", Icons.Material.Filled.Stairs, "Nav.PriceBands", "nav-price-bands", Permissions.ManageCatalog),
            new("/catalog/warehouses", Icons.Material.Filled.Warehouse, "Nav.Warehouses", "nav-warehouses", Permissions.ManageCatalog),
        ]),
        new("Nav.Design", Icons.Material.Filled.Brush,
        [
            new("/design/board", Icons.Material.Filled.ViewKanban, "Nav.DesignBoard", "nav-design-board", Permissions.SeeDesignBoard),
            new("/design/specs", Icons.Material.Filled.AspectRatio, "Nav.DesignSpecs", "nav-design-specs", Permissions.SuperviseDesign),
        ]),
        new("Nav.Complaints", Icons.Material.Filled.ReportProblem,
        [
            new("/service/complaints", Icons.Material.Filled.FolderOpen, "Nav.ComplaintCases", "nav-complaints", Permissions.HandleComplaints, Exact: true),
            new("/service/complaints/board", Icons.Material.Filled.Timer, "Nav.ComplaintBoard", "nav-complaint-board", Permissions.WatchOperations),
            new("/service/complaints/analysis", Icons.Material.Filled.BarChart, "Nav.ComplaintAnalysis", "nav-complaint-analysis", Permissions.HandleComplaints),
        ]),
        new("Nav.Inventory", Icons.Material.Filled.Warehouse,
        [
            new("/inventory/alerts", Icons.Material.Filled.NotificationsActive, "Nav.InventoryAlerts", "nav-inventory-alerts", Permissions.WatchOperations),
            new("/inventory/counts", Icons.Material.Filled.FactCheck, "Nav.Counts", "nav-counts", Permissions.ManageInventory),
            new("/inventory/stock", Icons.Material.Filled.Inventory2, "Nav.Stock", "nav-stock", Permissions.ManageInventory),
            new("/inventory/slow-moving", Icons.Material.Filled.HourglassBottom, "Nav.SlowMoving", "nav-slow-moving", Permissions.ManageInventory),
            new("/inventory/replenishment", Icons.Material.Filled.AddShoppingCart, "Nav.Replenishment", "nav-replenishment", Permissions.ManageInventory),
            new("/inventory/purchase-orders", Icons.Material.Filled.ReceiptLong, "Nav.PurchaseOrders", "nav-purchase-orders", Permissions.ManageInventory),
            new("/inventory/suppliers", Icons.Material.Filled.LocalShipping, "Nav.Suppliers", "nav-suppliers", Permissions.ManageInventory),
        ]),
        new("Nav.Analytics", Icons.Material.Filled.Insights,
        [
            new("/analytics/dashboard", Icons.Material.Filled.Dashboard, "Nav.Dashboard", "nav-dashboard", Permissions.WatchOperations),
            new("/analytics/traffic-analysis", Icons.Material.Filled.FilterAlt, "Nav.TrafficAnalysis", "nav-traffic-analysis", Permissions.WatchOperations),
            new("/analytics/forecast", Icons.Material.Filled.Timeline, "Nav.Forecast", "nav-forecast", Permissions.WatchOperations),
            new("/analytics/optimisation", Icons.Material.Filled.AutoFixHigh, "Nav.Optimisation", "nav-optimisation", Permissions.SeeOptimisation),
            new("/analytics/customers", Icons.Material.Filled.People, "Nav.Customers", "nav-customers", Permissions.AnalyseCustomers),
            new("/analytics/traffic", Icons.Material.Filled.UploadFile, "Nav.TrafficImport", "nav-traffic", Permissions.ImportPlatformReports),
            new("/analytics/kpi", Icons.Material.Filled.TableChart, "Nav.KpiSheets", "nav-kpi", Permissions.ExportKpiSheets),
            new("/analytics/reports", Icons.Material.Filled.Inventory2, "Nav.Reports", "nav-reports", Permissions.ExportKpiSheets),
        ]),
        new("Nav.People", Icons.Material.Filled.School,
        [
            new("/people/training", Icons.Material.Filled.School, "Nav.Training", "nav-training", Permissions.UseConsole),
            new("/people/careers", Icons.Material.Filled.TrendingUp, "Nav.Careers", "nav-careers", Permissions.UseConsole),
            new("/people/appraisals", Icons.Material.Filled.Grading, "Nav.Appraisals", "nav-appraisals", Permissions.UseConsole),
            new("/notifications", Icons.Material.Filled.Notifications, "Nav.Notifications", "nav-notifications", Permissions.UseConsole),
        ]),
        new("Nav.Org", Icons.Material.Filled.Groups,
        [
            new("/admin/employees", Icons.Material.Filled.Badge, "Nav.Employees", "nav-employees", Permissions.ManageEmployees),
        ]),
        new("Nav.System", Icons.Material.Filled.Settings,
        [
            new("/admin/audit", Icons.Material.Filled.History, "Nav.Audit", "nav-audit", Permissions.ReadAuditTrail),
            new("/jobs", Icons.Material.Filled.Schedule, "Nav.Jobs", "nav-jobs", Permissions.RunJobs, Target: "_blank", TitleKey: "Nav.JobsHint"),
        ]),
    ];

    /// <summary>Listed only where the development SMS gateway is the one registered: a company's own gateway really sends.</summary>
    private const string DevelopmentSms = "/orders/development-sms";

    /// <summary>Each role's menu, worked out once: the permissions are the role's.</summary>
    private static readonly ConcurrentDictionary<string, NavEntry[]> ByRole = new(StringComparer.Ordinal);

    private NavEntry[] _menu = [];
    private string _path = "/";

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private Domain.Orders.ISmsGateway Sms { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _path = PathOf(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
        var role = (await AuthState).User.Role();
        _menu = role is null ? [] : ByRole.GetOrAdd(role, MenuFor);
        if (Sms is not Domain.Orders.DevelopmentSmsGateway)
        {
            _menu = [.. _menu.Select(e => e.Items is null ? e : e with { Items = [.. e.Items.Where(i => i.Href != DevelopmentSms)] }).Where(e => e.Items is not { Count: 0 })];
        }
    }

    private static NavEntry[] MenuFor(string role) =>
    [
        .. Everything
            .Select(e => e.Items is null ? e : e with { Items = [.. e.Items.Where(i => Permissions.Allows(role, i.Permission))] })
            .Where(e => e.Items is null ? Permissions.Allows(role, e.Home!.Permission) : e.Items.Count > 0),
    ];

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var path = PathOf(e.Location);
        if (path != _path)
        {
            _path = path;
            _ = InvokeAsync(StateHasChanged);
        }
    }

    private string PathOf(string uri) => "/" + Navigation.ToBaseRelativePath(uri).Split('?', '#')[0].TrimEnd('/');

    private bool IsActive(NavItem item) => item.Exact
        ? string.Equals(_path, item.Href, StringComparison.OrdinalIgnoreCase)
        : _path.StartsWith(item.Href, StringComparison.OrdinalIgnoreCase)
            && (_path.Length == item.Href.Length || _path[item.Href.Length] == '/');

    private RenderFragment Link(NavItem item) => __builder =>
    {
        __builder.OpenElement(0, "div");
        __builder.AddAttribute(1, "class", "mud-nav-item");
        __builder.OpenElement(2, "a");
        __builder.AddAttribute(3, "href", item.Href);
        __builder.AddAttribute(4, "class", IsActive(item) ? "mud-nav-link active" : "mud-nav-link");
        __builder.AddAttribute(5, "data-testid", item.TestId);
        if (item.Target is { } target)
        {
            __builder.AddAttribute(6, "target", target);
        }
        if (item.TitleKey is { } title)
        {
            __builder.AddAttribute(7, "title", L[title].Value);
        }
        __builder.AddContent(8, Icon(item.Icon));
        __builder.OpenElement(9, "div");
        __builder.AddAttribute(10, "class", "mud-nav-link-text");
        __builder.AddContent(11, L[item.TextKey].Value);
        __builder.CloseElement();
        __builder.CloseElement();
        __builder.CloseElement();
    };

    private static RenderFragment Icon(string svg) => __builder =>
    {
        __builder.OpenElement(0, "svg");
        __builder.AddAttribute(1, "class", "mud-icon-root mud-svg-icon mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default");
        __builder.AddAttribute(2, "focusable", "false");
        __builder.AddAttribute(3, "viewBox", "0 0 24 24");
        __builder.AddAttribute(4, "aria-hidden", "true");
        __builder.AddMarkupContent(5, svg);
        __builder.CloseElement();
    };

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
