using EcomOps.Console.Live;
using EcomOps.Console.Localization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EcomOps.Console.Features.Service;

public partial class QueueTable
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    private QueueQuery? _filter;
    private Page<QueueRow>? _page;
    private int _pageIndex;
    private int _pageSize = 25;
    private bool _loading;
    private int? _claiming;
    private HashSet<int> _onPage = [];
    private Dictionary<int, (DateTime Due, string Text)> _countdowns = [];
    private QueueChanges? _changes;
    private ReloadGate? _refresh;

    [Inject]
    private TicketQueue Queue { get; set; } = default!;

    [Inject]
    private TicketDesk Desk { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private DisplayFormat Format { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>Which tickets to list (scope and filters); the table keeps its own page and sort.</summary>
    [Parameter, EditorRequired]
    public QueueQuery Filter { get; set; } = default!;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = Actor.System;

    /// <summary>The column and direction the user chose (the export lists in the same order).</summary>
    public ListSort<TicketColumn> Sort { get; private set; } = TicketQueue.ByDeadline;

    /// <summary>The query of the page on screen: the filter with this table's sort and page.</summary>
    public QueueQuery Query => Filter with { Sort = Sort, Skip = _pageIndex * _pageSize, Take = _pageSize };

    protected override IReadOnlyList<string> LiveBoards => [Boards.Tickets];

    /// <summary>A change elsewhere in the queue costs this tab nothing, not even a render.</summary>
    protected override bool RendersOnEveryChange => false;

    protected override async Task OnParametersSetAsync()
    {
        if (Filter != _filter)
        {
            _filter = Filter;
            _pageIndex = 0;
            await LoadAsync();
        }
    }

    /// <summary>Reads the page again (after the user created or changed a ticket elsewhere on the page).</summary>
    public Task ReloadAsync() => LoadAsync();

    // Each tab decides from the change's rows whether its page can be touched; a burst (a sweep, a recompute of every
    // open ticket) is gathered into one refresh, which every tab asking the same question reads from one query.
    protected override Task OnLiveChangesAsync(IReadOnlyList<LiveChange> changes)
    {
        var concerned = _changes ??= new QueueChanges(Query);
        return changes.Any(c => concerned.Concerns(c, _onPage.Contains))
            ? (_refresh ??= new ReloadGate(RefreshAsync, TimeSpan.FromMilliseconds(100))).RequestAsync()
            : Task.CompletedTask;
    }

    private async Task RefreshAsync()
    {
        await ReadAsync();
        StateHasChanged();
    }

    /// <summary>What the user asked for: the loading bar shows while the page is read.</summary>
    private async Task LoadAsync()
    {
        _loading = true;
        _changes = new QueueChanges(Query);
        StateHasChanged();
        try
        {
            await ReadAsync();
        }
        finally
        {
            _loading = false;
        }
        StateHasChanged();
    }

    private async Task ReadAsync()
    {
        var page = await Queue.SearchAsync(Query);
        if (page.Items.Count == 0 && _pageIndex > 0 && page.Total > 0)
        {
            // The rows of a last page were claimed or solved away: show the page that is now the last.
            _pageIndex = (page.Total - 1) / _pageSize;
            page = await Queue.SearchAsync(Query);
        }
        _page = page;
        _onPage = page.Items.Select(r => r.Id).ToHashSet();
        // A row keeps the countdown text it was first shown with while its deadline stays: the browser has ticked it
        // since, and a re-render must not send it back (nor carry text for rows that did not change).
        var now = Clock.GetUtcNow().UtcDateTime;
        var shown = _countdowns;
        _countdowns = page.Items.Where(r => r.NextDeadlineUtc is not null).ToDictionary(r => r.Id, r =>
            shown.TryGetValue(r.Id, out var before) && before.Due == r.NextDeadlineUtc ? before : (r.NextDeadlineUtc!.Value, SlaCountdown.Initial(r.NextDeadlineUtc!.Value, now, L)));
    }

    private string CountdownText(QueueRow row) => _countdowns.TryGetValue(row.Id, out var shown) ? shown.Text : "";

    private Task SortAsync(TicketColumn column)
    {
        // Ascending first, then descending, then back to the queue's own order (earliest deadline first).
        Sort = Sort.Column != column ? new ListSort<TicketColumn>(column)
            : !Sort.Descending ? Sort with { Descending = true }
            : TicketQueue.ByDeadline;
        _pageIndex = 0;
        return LoadAsync();
    }

    private Task SortPickedAsync(ChangeEventArgs e)
    {
        var parts = (e.Value as string ?? "").Split(':');
        if (parts.Length != 2 || !Enum.TryParse<TicketColumn>(parts[0], out var column))
        {
            return Task.CompletedTask;
        }
        Sort = new ListSort<TicketColumn>(column, parts[1] == "desc");
        _pageIndex = 0;
        return LoadAsync();
    }

    private string SortValue => $"{Sort.Column}:{(Sort.Descending ? "desc" : "asc")}";

    private Task PageSizePickedAsync(ChangeEventArgs e)
    {
        if (!int.TryParse(e.Value as string, out var size) || !PageSizes.Contains(size))
        {
            return Task.CompletedTask;
        }
        _pageSize = size;
        _pageIndex = 0;
        return LoadAsync();
    }

    private Task GoToAsync(int page)
    {
        _pageIndex = Math.Clamp(page, 0, LastPage);
        return LoadAsync();
    }

    private int LastPage => _page is null || _page.Total == 0 ? 0 : (_page.Total - 1) / _pageSize;

    private IEnumerable<(int Target, string Icon, string Label)> PagerButtons =>
    [
        (0, Icons.Material.Filled.FirstPage, L["Mud.MudTablePager_FirstPage"]),
        (_pageIndex - 1, Icons.Material.Filled.NavigateBefore, L["Mud.MudTablePager_PreviousPage"]),
        (_pageIndex + 1, Icons.Material.Filled.NavigateNext, L["Mud.MudTablePager_NextPage"]),
        (LastPage, Icons.Material.Filled.LastPage, L["Mud.MudTablePager_LastPage"]),
    ];

    private string PagerInfo
    {
        get
        {
            var total = _page?.Total ?? 0;
            var first = total == 0 ? 0 : _pageIndex * _pageSize + 1;
            var last = Math.Min(total, (_pageIndex + 1) * _pageSize);
            return L["Common.PagerInfo"].Value
                .Replace("{first_item}", first.ToString("N0"))
                .Replace("{last_item}", last.ToString("N0"))
                .Replace("{all_items}", total.ToString("N0"));
        }
    }

    private string HeaderText(TicketColumn column) => column switch
    {
        TicketColumn.Deadline => L["Queue.TimeLeft"],
        TicketColumn.Ticket => L["Queue.Ticket"],
        TicketColumn.Customer => L["Ticket.Customer"],
        TicketColumn.Channel => L["Ticket.Channel"],
        TicketColumn.Priority => L["Ticket.Priority"],
        TicketColumn.Status => L["Ticket.Status"],
        _ => L["Ticket.Assignee"],
    };

    private async Task ClaimAsync(QueueRow row)
    {
        _claiming = row.Id;
        try
        {
            var outcome = await Desk.ClaimAsync(Actor, row.Id);
            if (outcome.Value is { Claimed: true })
            {
                Snackbar.Add(L["Queue.Claimed", row.Number], Severity.Success);
            }
            else if (outcome.Value is { } lost)
            {
                Snackbar.Add(L["Queue.TakenBy", row.Number, lost.HeldBy ?? "?"], Severity.Warning);
            }
            else
            {
                Snackbar.Add(L["Queue.ClaimFailed"], Severity.Error);
            }
            await RefreshAsync();
        }
        finally
        {
            _claiming = null;
        }
    }
}
