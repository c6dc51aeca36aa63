using EcomOps.Console.Components.Shared;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Compliance;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Catalog;

/// <summary>
/// The compliance audit's findings: open ones by deadline, overdue in red with how long; a specialist sees their own
/// first ("mine"), a manager everyone's. Filters: rule, channel, open or closed, overdue only. Each row opens its listing.
/// </summary>
public sealed partial class FindingsPage
{
    private MudTable<FindingRow>? _table;
    private IReadOnlyList<ChannelChoice> _channels = [];
    private int? _employeeId;
    private bool _mine;
    private bool _mayRun;
    private FindingState _state = FindingState.Open;
    private ListingRuleKind? _rule;
    private int? _channel;
    private bool _overdue;
    private DateTime _now;

    [Inject]
    private ComplianceQueries Findings { get; set; } = default!;

    [Inject]
    private ListingQueries Listings { get; set; } = default!;

    [Inject]
    private EcomOps.Domain.Time.CompanyTime Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "overdue")]
    public bool? OverdueQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var actor = Actor.From((await AuthState).User);
        _mayRun = actor.May(Permissions.ApproveListings);
        _employeeId = await Findings.EmployeeOfAsync(actor.UserId);
        // A specialist works their own findings; a manager or director oversees everyone's.
        _mine = _employeeId is not null && !_mayRun;
        _overdue = OverdueQuery ?? false;
        _channels = await Listings.ChannelsAsync();
    }

    private async Task<TableData<FindingRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        _now = Clock.UtcNow;
        var filter = new FindingFilter(_state, _rule, _channel, _mine ? _employeeId : null, _overdue);
        var page = await Findings.FindingsAsync(filter, TableSort.Of(state, ComplianceQueries.ByDue), state.Page * state.PageSize, state.PageSize, ct);
        return new TableData<FindingRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private Task MineChanged(bool value) { _mine = value; return ReloadAsync(); }
    private Task StateChanged(FindingState value) { _state = value; return ReloadAsync(); }
    private Task RuleChanged(ListingRuleKind? value) { _rule = value; return ReloadAsync(); }
    private Task ChannelChanged(int? value) { _channel = value; return ReloadAsync(); }
    private Task OverdueChanged(bool value) { _overdue = value; return ReloadAsync(); }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}
