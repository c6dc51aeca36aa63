using EcomOps.Console.Localization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using EcomOps.Domain.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Design;

/// <summary>
/// One request: what it is for, the brief, every version with its files and review, the moves this viewer may make, and
/// for a delivered listing design its contribution to sales. When someone else moves it the page shows the new state.
/// </summary>
public sealed partial class DesignRequestPage
{
    private DesignDetail? _detail;
    private Actor _actor = new(null, "anonymous", []);
    private bool _missing;
    private string? _refusal;
    private List<BreadcrumbItem> _crumbs = [];

    [Parameter] public int Id { get; set; }

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject] private DesignQueries Queries { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;

    protected override IReadOnlyList<string> LiveBoards => [Boards.Design];

    protected override async Task OnParametersSetAsync()
    {
        _actor = Actor.From((await AuthState).User);
        _crumbs = [new(L["Design.Board.Title"], "/design/board"), new(Domain.Design.DesignRules.NumberOf(Id), null, disabled: true)];
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _detail = await Queries.DetailAsync(Id);
        _missing = _detail is null;
    }

    protected override async Task OnLiveChangeAsync(LiveChange change)
    {
        if ((change.Entity == nameof(DesignRequest) && change.Key == Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) || change.IsResync)
        {
            await LoadAsync();
        }
    }

    private async Task OnMovedAsync(string? refusal)
    {
        _refusal = refusal;
        await LoadAsync();
    }
}
