using System.Globalization;
using EcomOps.Console.Localization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace EcomOps.Console.Features.Service;

/// <summary>
/// Supervisors edit the SLA calendar and policies here. Nothing applies until Save: then the Domain checks the whole
/// document, stores it (refused when someone else saved since this page loaded) and recomputes every open ticket.
/// </summary>
public sealed partial class SlaSettingsPage
{
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private SlaSettingsSnapshot? _snapshot;
    private SlaSettings? _settings;
    private IReadOnlyList<AgentLoad> _agents = [];
    private IReadOnlyList<FieldError> _errors = [];
    private bool _changed;
    private bool _saving;
    private bool _conflict;
    private IReadOnlyDictionary<string, string> _people = new Dictionary<string, string>();

    [Inject] private SlaSettingsDesk Desk { get; set; } = default!;
    [Inject] private TicketQueue Queue { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private PeopleNames People { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private IEnumerable<string> Zones => _settings is null || SlaSettings.CommonTimeZones.Contains(_settings.TimeZoneId)
        ? SlaSettings.CommonTimeZones
        : [_settings.TimeZoneId, .. SlaSettings.CommonTimeZones];

    protected override async Task OnInitializedAsync()
    {
        _agents = await Queue.AgentLoadAsync();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _snapshot = await Desk.LoadAsync();
        _people = await People.BySignInAsync([_snapshot.UpdatedByName]);
        _settings = _snapshot.Settings.Copy();
        _errors = [];
        _changed = false;
        _conflict = false;
    }

    private async Task SaveAsync()
    {
        if (_settings is null || _snapshot is null)
        {
            return;
        }
        _saving = true;
        _conflict = false;
        // Let the button show its progress before the save and the recompute run.
        StateHasChanged();
        await Task.Yield();
        var actor = Actor.From((await Auth).User);
        var outcome = await Desk.SaveAsync(actor, _settings, _snapshot.Version);
        _saving = false;
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                Snackbar.Add(L["SlaSettings.Saved", outcome.Value!.Recomputed, outcome.Value.DeadlinesMoved], Severity.Success);
                await ReloadAsync();
                break;
            case OutcomeKind.Conflict:
                _conflict = true;
                break;
            default:
                _errors = outcome.Errors;
                break;
        }
    }

    private void Touch()
    {
        _changed = true;
        _errors = [];
    }

    private void ZoneChanged(string zone)
    {
        _settings!.TimeZoneId = zone;
        Touch();
    }

    private void HoursChanged(DayOfWeek day, string? hours)
    {
        _settings!.WeeklyHours[day] = hours?.Trim() ?? "";
        Touch();
    }

    private void Move(int index, int by)
    {
        var policies = _settings!.Policies;
        (policies[index], policies[index + by]) = (policies[index + by], policies[index]);
        Touch();
    }

    private void RemovePolicy(int index)
    {
        _settings!.Policies.RemoveAt(index);
        Touch();
    }

    private async Task EditPolicyAsync(int? index)
    {
        var parameters = new DialogParameters<SlaPolicyDialog>
        {
            { d => d.Settings, _settings! },
            { d => d.Index, index },
            { d => d.Agents, _agents },
        };
        var dialog = await Dialogs.ShowAsync<SlaPolicyDialog>(
            index is null ? L["SlaSettings.AddPolicy"] : L["SlaSettings.EditPolicy"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: SlaPolicySettings policy })
        {
            if (index is { } at)
            {
                _settings!.Policies[at] = policy;
            }
            else
            {
                // A new policy goes before the catch-all last one, where a narrower policy must stand to ever match.
                var last = _settings!.Policies.Count > 0 && _settings.Policies[^1].IsCatchAll ? _settings.Policies.Count - 1 : _settings.Policies.Count;
                _settings.Policies.Insert(last, policy);
            }
            Touch();
        }
    }


    private bool Has(string field) => _errors.Any(e => e.Field == field);

    private bool HasPrefix(string prefix) => _errors.Any(e => e.Field.StartsWith(prefix, StringComparison.Ordinal));

    private string? ErrorFor(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } error ? L[$"Error.{error.Code}"].Value : null;

    /// <summary>An error in words, saying where: "Policy 3 · Resolution: …", "Monday: …".</summary>
    private string Describe(FieldError error)
    {
        var message = L[$"Error.{error.Code}"].Value;
        var field = error.Field;
        if (field.StartsWith("Policies[", StringComparison.Ordinal) && field.IndexOf(']') is var close and > 9
            && int.TryParse(field[9..close], out var index))
        {
            var name = _settings is not null && index < _settings.Policies.Count && _settings.Policies[index].Name is { Length: > 0 } n ? L.PolicyName(n) : $"#{index + 1}";
            return $"{L["SlaSettings.PolicyName"]} {name}: {message}";
        }
        if (field.StartsWith("WeeklyHours.", StringComparison.Ordinal) && Enum.TryParse<DayOfWeek>(field[12..], out var day))
        {
            return $"{DayName(day)}: {message}";
        }
        return message;
    }

    private static string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);

    private string Matches(SlaPolicySettings policy)
    {
        var parts = new List<string>();
        if (policy.Priority is { } priority)
        {
            parts.Add(L[$"Priority.{priority}"]);
        }
        if (policy.Channel is { } channel)
        {
            parts.Add(L[$"Channel.{channel}"]);
        }
        if (policy.Category is { } category)
        {
            parts.Add(L[$"Category.{category}"]);
        }
        return parts.Count == 0 ? L["SlaSettings.MatchesAnything"] : string.Join(" · ", parts);
    }

    private RenderFragment TargetCell(int? minutes, SlaTimeMode mode) => builder =>
    {
        if (minutes is not { } value)
        {
            builder.AddContent(0, "—");
            return;
        }
        builder.OpenElement(1, "div");
        builder.AddContent(2, SlaPolicyDialog.Duration(L, value));
        builder.CloseElement();
        builder.OpenElement(3, "div");
        builder.AddAttribute(4, "class", "mud-text-secondary");
        builder.AddAttribute(5, "style", "font-size: 12px");
        builder.AddContent(6, L[mode == SlaTimeMode.BusinessHours ? "SlaSettings.BusinessHours" : "SlaSettings.CalendarHours"].Value);
        builder.CloseElement();
    };

    private string Escalation(SlaPolicySettings policy) =>
        policy is { ReassignOn: { } when, ReassignToEmployeeId: { } to }
            ? L["SlaSettings.ReassignSummary", L[$"SlaSettings.On.{when}"], _agents.FirstOrDefault(a => a.EmployeeId == to)?.FullName ?? $"#{to}"]
            : L["SlaSettings.AlertOnly"];
}
