using EcomOps.Console.Localization;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Audit;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace EcomOps.Console.Features.Audit;

public sealed partial class AuditTrailPage : IAsyncDisposable
{
    private const int MaxShown = 12;
    private MudTable<AuditEntry>? _table;
    private IReadOnlyList<string> _entityTypes = [];
    private string? _entityType;
    private string? _entityKey;
    private string? _actor;
    private AuditAction? _action;
    private DateRange? _range;
    private AuditSort _sort = AuditSort.When;
    private bool _descending = true;
    private bool _exporting;
    private IJSObjectReference? _module;

    [Inject] private AuditTrail Trail { get; set; } = default!;
    [Inject] private PeopleNames People { get; set; } = default!;
    [Inject] private MetricCatalogue Metrics { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private CompanyTime Time { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>The words for the rows on screen, with the names of the people they mention.</summary>
    private AuditWording Words { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Words = await AuditWording.ForAsync([], People, Trail, L, Format, Metrics);
        _entityTypes = await Trail.EntityTypesAsync();
    }

    private async Task<TableData<AuditEntry>> LoadAsync(TableState state, CancellationToken ct)
    {
        if (Enum.TryParse<AuditSort>(state.SortLabel, out var sort) && state.SortDirection != SortDirection.None)
        {
            _sort = sort;
            _descending = state.SortDirection == SortDirection.Descending;
        }
        else
        {
            (_sort, _descending) = (AuditSort.When, true);
        }
        var page = await Trail.SearchAsync(Query() with { Skip = state.Page * state.PageSize, Take = state.PageSize }, ct);
        Words = await AuditWording.ForAsync(page.Items.ToList(), People, Trail, L, Format, Metrics, ct);
        return new TableData<AuditEntry> { Items = page.Items, TotalItems = page.Total };
    }

    /// <summary>The filters and the order on screen (the period is picked in company days: first midnight to the day after the last).</summary>
    private AuditQuery Query()
    {
        DateTime? from = _range?.Start is { } start ? Time.ToUtc(start.Date) : null;
        DateTime? to = _range?.End is { } end ? Time.ToUtc(end.Date.AddDays(1)) : null;
        return new AuditQuery(_entityType, _entityKey, _actor, _action, from, to, Sort: _sort, Descending: _descending);
    }

    /// <summary>The workbook of every entry the filters match (up to the export cap), in the order and the words on screen.</summary>
    internal async Task<(byte[] Workbook, int Rows, int Total)> BuildWorkbookAsync(CancellationToken ct = default)
    {
        var found = await Trail.ExportAsync(Query(), ct);
        var words = await AuditWording.ForAsync(found.Items.ToList(), People, Trail, L, Format, Metrics, ct);
        string[] headers = [L["Audit.When"], L["Audit.Who"], L["Audit.Action"], L["Audit.Entity"], L["Audit.Changes"]];
        var rows = found.Items.Select(e => (IReadOnlyList<string>)
            [words.When(e), words.Who(e), words.Action(e), words.Record(e), string.Join('\n', e.Changes.Select(c => words.Change(e, c)))]);
        var subtitle = L["Audit.ExportSubtitle", found.Items.Count, Format.DateTime(Time.UtcNow), L.ZoneName(Time.Zone.Id)];
        return (AuditWorkbook.Build(L["Audit.Title"], subtitle, headers, rows), found.Items.Count, found.Total);
    }

    private async Task DownloadAsync()
    {
        _exporting = true;
        try
        {
            var (bytes, rows, total) = await BuildWorkbookAsync();
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", Components.Shared.ListExportButton.SaveScript);
            using var stream = new DotNetStreamReference(new MemoryStream(bytes));
            await _module.InvokeVoidAsync("saveFile", $"audit-{Time.Today:yyyyMMdd}.xlsx", stream);
            if (rows < total)
            {
                Snackbar.Add(L["Audit.ExportCapped", rows, total], Severity.Warning);
            }
        }
        finally
        {
            _exporting = false;
        }
    }

    private static Color ActionColor(AuditAction action) => action switch
    {
        AuditAction.Created => Color.Success,
        AuditAction.Deleted => Color.Error,
        _ => Color.Info,
    };

    private Task EntityTypeChanged(string? value) { _entityType = value; return ReloadAsync(); }
    private Task EntityKeyChanged(string? value) { _entityKey = value; return ReloadAsync(); }
    private Task ActorChanged(string? value) { _actor = value; return ReloadAsync(); }
    private Task ActionChanged(AuditAction? value) { _action = value; return ReloadAsync(); }
    private Task RangeChanged(DateRange? value) { _range = value; return ReloadAsync(); }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    // Records by their names in the reader's language ("Employee", "员工"), not the code's.
    private string EntityName(string type) => Words.EntityName(type);

    /// <summary>"NextDueUtc" → "Next due", "SkuId" → "Sku".</summary>
    internal static string SpelledOut(string codeName) => AuditWording.SpelledOut(codeName);

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
    }
}
