using System.Globalization;
using EcomOps.Console.Live;
using EcomOps.Console.Localization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Live;
using EcomOps.Domain.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Inventory;

/// <summary>Today's count tasks: start (snapshot), enter what was found, and approve or reject variances over the threshold.</summary>
public sealed partial class CountsPage : LiveComponent
{
    private IReadOnlyList<CountTaskRow>? _open;
    private IReadOnlyList<CountAccuracy> _byClass = [];
    private IReadOnlyList<CountAccuracy> _byCounter = [];
    private readonly Dictionary<long, int?> _entered = [];
    private bool _upcoming;
    private bool _busy;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private CountDesk Counts { get; set; } = default!;

    [Inject]
    private Domain.Org.PeopleNames People { get; set; } = default!;

    private IReadOnlyDictionary<string, string> _people = new Dictionary<string, string>();

    [Inject]
    private CountSettings Settings { get; set; } = default!;

    [Inject]
    private CompanyTime Time { get; set; } = default!;

    [Inject]
    private DisplayFormat Format { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override IReadOnlyList<string> LiveBoards => [Boards.Inventory];

    protected override Task OnInitializedAsync() => LoadAsync();

    protected override async Task OnLiveChangeAsync(LiveChange change)
    {
        if (!_busy && (change.Entity == nameof(CountTask) || change.IsResync))
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _open = await Counts.TasksAsync(openOnly: true, through: _upcoming ? null : Time.Today);
        (_byClass, _byCounter) = await Counts.AccuracyAsync();
        _people = await People.BySignInAsync(_byCounter.Select(c => c.Group));
    }

    private async Task UpcomingChanged(bool value)
    {
        _upcoming = value;
        await LoadAsync();
    }

    private int? CountOf(CountTaskRow row) => _entered.GetValueOrDefault(row.Id);

    private Task StartAsync(CountTaskRow row) => RunAsync(actor => Counts.StartAsync(actor, row.Id, row.Version), L["Inventory.Counts.Started"]);

    private Task RecordAsync(CountTaskRow row) => RunAsync(actor => Counts.RecordAsync(actor, row.Id, row.Version, CountOf(row)!.Value), L["Inventory.Counts.Recorded"]);

    private Task DecideAsync(CountTaskRow row, bool approve) => RunAsync(
        actor => approve ? Counts.ApproveAsync(actor, row.Id, row.Version) : Counts.RejectAsync(actor, row.Id, row.Version),
        approve ? L["Inventory.Counts.Approved"] : L["Inventory.Counts.Rejected"]);

    private async Task RunAsync(Func<Actor, Task<Outcome<long>>> action, string done)
    {
        _busy = true;
        try
        {
            var outcome = await action(Actor.From((await AuthState).User));
            switch (outcome.Kind)
            {
                case OutcomeKind.Done:
                    Snackbar.Add(done, Severity.Success);
                    break;
                case OutcomeKind.Invalid:
                    Snackbar.Add(string.Join(" ", outcome.Errors.Select(e => L[$"Error.{e.Code}"].Value)), Severity.Warning);
                    break;
                default:
                    Snackbar.Add(L["Common.Conflict"], Severity.Warning);
                    break;
            }
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private static string Signed(int value) => value.ToString("+#;−#;0", CultureInfo.InvariantCulture);
}
