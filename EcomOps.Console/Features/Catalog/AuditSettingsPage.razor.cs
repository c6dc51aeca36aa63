using EcomOps.Domain.Catalog.Compliance;
using EcomOps.Domain.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Catalog;

/// <summary>
/// The compliance audit's settings: each rule switched on or off with its severity, deadline and whether overdue pauses
/// the listing; the rules' parameters; the banned terms (one text per category, one term per line) and the allow-list.
/// A save from a stale copy is refused and keeps what was typed.
/// </summary>
public sealed partial class AuditSettingsPage
{
    private AuditSettings? _settings;
    private long _version;
    private DateTime? _updatedAt;
    private string? _updatedBy;
    private Dictionary<BannedTermCategory, string> _terms = [];
    private string _allowed = "";
    private string _healthCategories = "";
    private IReadOnlyList<FieldError> _errors = [];
    private List<BreadcrumbItem> _crumbs = [];
    private bool _conflict;
    private bool _busy;

    [Inject] private ComplianceAuditor Auditor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var snapshot = await Auditor.SettingsAsync();
        (_settings, _version, _updatedAt, _updatedBy) = (snapshot.Settings, snapshot.Version, snapshot.UpdatedAtUtc, snapshot.UpdatedByName);
        _terms = Enum.GetValues<BannedTermCategory>().ToDictionary(c => c, c => Lines(snapshot.Settings.Terms.Where(t => t.Category == c).Select(t => t.Text)));
        _allowed = Lines(snapshot.Settings.Allowed);
        _healthCategories = Lines(snapshot.Settings.HealthCategories);
        (_errors, _conflict) = ([], false);
        _crumbs = [new(L["Compliance.AuditTitle"], "/catalog/audit"), new(L["Compliance.Settings"], null, disabled: true)];
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            var settings = _settings!;
            settings.Terms = [.. _terms.SelectMany(t => Split(t.Value).Select(text => new BannedTerm(text, t.Key)))];
            settings.Allowed = Split(_allowed);
            settings.HealthCategories = Split(_healthCategories);
            var outcome = await Auditor.SaveSettingsAsync(Actor.From((await AuthState).User), settings, _version);
            _conflict = outcome.Kind == OutcomeKind.Conflict;
            _errors = outcome.Errors;
            if (outcome.Succeeded)
            {
                Snackbar.Add(L["Compliance.SettingsSavedNow"], Severity.Success);
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private bool Has(string field) => _errors.Any(e => e.Field == field);

    private string? ErrorOf(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } e ? L[$"Error.{e.Code}"].Value : null;

    private static int Count(string? text) => Split(text).Count;

    private static string Lines(IEnumerable<string> values) => string.Join('\n', values);

    private static List<string> Split(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}
