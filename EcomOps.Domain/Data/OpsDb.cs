using EcomOps.Domain.Audit;
using EcomOps.Domain.Org;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Data;

/// <summary>The console's one database: identity, business entities of every area, audit trail.</summary>
public class OpsDb : IdentityDbContext<OpsUser>
{
    public OpsDb(DbContextOptions<OpsDb> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="PostgresOpsDb"/>, the same model under a type of its own.</summary>
    protected OpsDb(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Who the changes saved through this context are made by; the audit trail records it.</summary>
    public Actor Actor { get; set; } = Actor.System;

    /// <summary>
    /// While set, stock movements recorded through this context note their SKUs here instead of re-evaluating their
    /// alerts one by one; <see cref="Inventory.StockLedger.EvaluateDeferredAsync"/> evaluates them once, before the
    /// caller commits (a batch of orders reserving the same SKUs).
    /// </summary>
    public HashSet<(int WarehouseId, int SkuId)>? DeferredStockWatch { get; set; }

    // A pooled context is handed to the next operation once disposed: it must not carry this one's actor or watch.
    public override void Dispose()
    {
        ForgetOperation();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        ForgetOperation();
        return base.DisposeAsync();
    }

    private void ForgetOperation()
    {
        Actor = Actor.System;
        DeferredStockWatch = null;
    }

    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Service.Ticket> Tickets => Set<Service.Ticket>();
    public DbSet<Service.PlatformMessage> PlatformMessages => Set<Service.PlatformMessage>();
    public DbSet<Service.TicketEntry> TicketEntries => Set<Service.TicketEntry>();
    public DbSet<Service.SlaBreach> SlaBreaches => Set<Service.SlaBreach>();
    public DbSet<Service.ServiceAlert> ServiceAlerts => Set<Service.ServiceAlert>();
    public DbSet<Service.TeamSetting> TeamSettings => Set<Service.TeamSetting>();
    public DbSet<Service.SlaSettingsRecord> SlaSettings => Set<Service.SlaSettingsRecord>();
    public DbSet<Service.Complaints.ComplaintCase> ComplaintCases => Set<Service.Complaints.ComplaintCase>();
    public DbSet<Service.Complaints.ComplaintRound> ComplaintRounds => Set<Service.Complaints.ComplaintRound>();
    public DbSet<Service.Complaints.ComplaintMeasure> ComplaintMeasures => Set<Service.Complaints.ComplaintMeasure>();
    public DbSet<Service.Answers.StandardAnswer> StandardAnswers => Set<Service.Answers.StandardAnswer>();
    public DbSet<Catalog.Sku> Skus => Set<Catalog.Sku>();
    public DbSet<Catalog.Product> Products => Set<Catalog.Product>();
    public DbSet<Catalog.Category> Categories => Set<Catalog.Category>();
    public DbSet<Catalog.Brand> Brands => Set<Catalog.Brand>();
    public DbSet<Catalog.PriceBand> PriceBands => Set<Catalog.PriceBand>();
    public DbSet<Catalog.Listing> Listings => Set<Catalog.Listing>();
    public DbSet<Catalog.ListingPrice> ListingPrices => Set<Catalog.ListingPrice>();
    public DbSet<Catalog.ChannelListingRule> ChannelListingRules => Set<Catalog.ChannelListingRule>();
    public DbSet<Catalog.Images.ProductImage> ProductImages => Set<Catalog.Images.ProductImage>();
    public DbSet<Catalog.Images.ImageBlob> ImageBlobs => Set<Catalog.Images.ImageBlob>();
    public DbSet<Catalog.StorePageElement> StorePageElements => Set<Catalog.StorePageElement>();
    public DbSet<Catalog.StoreRefresh> StoreRefreshes => Set<Catalog.StoreRefresh>();
    public DbSet<Inventory.Warehouse> Warehouses => Set<Inventory.Warehouse>();
    public DbSet<Inventory.StockMovement> StockMovements => Set<Inventory.StockMovement>();
    public DbSet<Inventory.StockBalance> StockBalances => Set<Inventory.StockBalance>();
    public DbSet<Inventory.Supplier> Suppliers => Set<Inventory.Supplier>();
    public DbSet<Inventory.StockPolicy> StockPolicies => Set<Inventory.StockPolicy>();
    public DbSet<Inventory.InventoryAlert> InventoryAlerts => Set<Inventory.InventoryAlert>();
    public DbSet<Inventory.ReorderSuggestion> ReorderSuggestions => Set<Inventory.ReorderSuggestion>();
    public DbSet<Inventory.PurchaseOrder> PurchaseOrders => Set<Inventory.PurchaseOrder>();
    public DbSet<Inventory.PurchaseOrderLine> PurchaseOrderLines => Set<Inventory.PurchaseOrderLine>();
    public DbSet<Inventory.PurchaseReceipt> PurchaseReceipts => Set<Inventory.PurchaseReceipt>();
    public DbSet<Orders.SalesChannel> SalesChannels => Set<Orders.SalesChannel>();
    public DbSet<Orders.Order> Orders => Set<Orders.Order>();
    public DbSet<Orders.OrderLine> OrderLines => Set<Orders.OrderLine>();
    public DbSet<Orders.OrderHold> OrderHolds => Set<Orders.OrderHold>();
    public DbSet<Orders.OrderEvent> OrderEvents => Set<Orders.OrderEvent>();
    public DbSet<Orders.OrderShipment> OrderShipments => Set<Orders.OrderShipment>();
    public DbSet<Orders.OutboxMessage> OutboxMessages => Set<Orders.OutboxMessage>();
    public DbSet<Analytics.Traffic.TrafficDay> TrafficDays => Set<Analytics.Traffic.TrafficDay>();
    public DbSet<Analytics.Traffic.SourceTrafficDay> SourceTrafficDays => Set<Analytics.Traffic.SourceTrafficDay>();
    public DbSet<Analytics.Traffic.ListingTrafficDay> ListingTrafficDays => Set<Analytics.Traffic.ListingTrafficDay>();
    public DbSet<Analytics.Traffic.TrafficSourceName> TrafficSourceNames => Set<Analytics.Traffic.TrafficSourceName>();
    public DbSet<Analytics.Kpi.KpiTarget> KpiTargets => Set<Analytics.Kpi.KpiTarget>();
    public DbSet<Analytics.Reports.StoredReport> StoredReports => Set<Analytics.Reports.StoredReport>();
    public DbSet<Inventory.SkuClassification> SkuClassifications => Set<Inventory.SkuClassification>();
    public DbSet<Inventory.CountTask> CountTasks => Set<Inventory.CountTask>();
    public DbSet<Inventory.SlowStockDecision> SlowStockDecisions => Set<Inventory.SlowStockDecision>();
    public DbSet<Campaigns.Campaign> Campaigns => Set<Campaigns.Campaign>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every stored time is UTC; SQLite keeps no kind, so times read back are marked UTC again. PostgreSQL stores them
        // as timestamptz, which takes only UTC times: a time the console made without a kind is UTC already.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcKindConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcKindConverter>();
    }

    private sealed class UtcKindConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OpsDb).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }
}
