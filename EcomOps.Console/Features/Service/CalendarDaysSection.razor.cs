using System.Globalization;
using EcomOps.Console.Localization;
using EcomOps.Domain.Calendars;
using EcomOps.Domain.Data;
using EcomOps.Domain.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Service;

/// <summary>
/// The calendars' dated days on the SLA page: holidays, make-up workdays and days with hours of their own, of the
/// service desk (its SLA clock) or of the company (ship-by promise, stock counts). Each add, edit or removal is saved
/// at once through <see cref="CalendarDesk"/>, which checks the permission and the version, apart from the page's Save.
/// </summary>
public sealed partial class CalendarDaysSection
{
    private WorkCalendar _calendar = WorkCalendar.ServiceDesk;
    private IReadOnlyList<CalendarDayRow> _days = [];
    private CalendarDayForm _form = new();
    private DateTime? _date;
    private CalendarDayRow? _editing;
    private IReadOnlyList<FieldError> _errors = [];
    private bool _showPast;
    private bool _conflict;
    private bool _busy;

    [Inject] private CalendarDesk Desk { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private CompanyTime Time { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private IEnumerable<CalendarDayRow> Shown => _showPast ? _days : _days.Where(day => day.Date >= Time.Today);

    protected override Task OnInitializedAsync() => ReloadAsync();

    /// <summary>The company calendar counts whole days, so it offers no hours of a day's own.</summary>
    private static IEnumerable<CalendarDayKind> KindsOf(WorkCalendar calendar) =>
        calendar == WorkCalendar.Company ? [CalendarDayKind.Holiday, CalendarDayKind.MakeUpWorkday] : Enum.GetValues<CalendarDayKind>();

    private async Task CalendarChangedAsync(WorkCalendar calendar)
    {
        _calendar = calendar;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _days = await Desk.ListAsync(_calendar);
        CancelEdit();
        _conflict = false;
    }

    private void Edit(CalendarDayRow day)
    {
        _editing = day;
        _form = CalendarDayForm.Of(day);
        _date = day.Date.ToDateTime(TimeOnly.MinValue);
        _errors = [];
    }

    private void CancelEdit()
    {
        _editing = null;
        _form = new CalendarDayForm { Calendar = _calendar };
        _date = null;
        _errors = [];
    }

    private async Task SaveAsync()
    {
        _busy = true;
        _conflict = false;
        _form.Calendar = _calendar;
        _form.Date = _date is { } date ? DateOnly.FromDateTime(date) : null;
        var outcome = await Desk.SaveAsync(await ActorAsync(), _editing?.Id, _editing?.Version ?? 0, _form);
        _busy = false;
        await ShowAsync(outcome, "CalendarDays.Saved");
    }

    private async Task RemoveAsync(CalendarDayRow day)
    {
        _busy = true;
        _conflict = false;
        var outcome = await Desk.RemoveAsync(await ActorAsync(), day.Id, day.Version);
        _busy = false;
        await ShowAsync(outcome, "CalendarDays.Removed");
    }

    private async Task ShowAsync(Outcome<CalendarEdit> outcome, string doneKey)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                var (recomputed, shipByMoved) = (outcome.Value!.Recomputed, outcome.Value.ShipByMoved);
                var told = L[doneKey].Value;
                if (recomputed is not null)
                {
                    told += " " + L["CalendarDays.Recomputed", recomputed.Recomputed, recomputed.DeadlinesMoved];
                }
                if (shipByMoved is { } moved)
                {
                    told += " " + L["CalendarDays.ShipByMoved", moved];
                }
                Snackbar.Add(told, Severity.Success);
                await ReloadAsync();
                break;
            case OutcomeKind.Conflict or OutcomeKind.NotFound:
                _conflict = true;
                break;
            default:
                _errors = outcome.Errors;
                break;
        }
    }

    private async Task<Actor> ActorAsync() => Actor.From((await Auth).User);

    private bool Has(string field) => _errors.Any(e => e.Field == field);

    private string? ErrorFor(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } error ? L[$"Error.{error.Code}"].Value : null;

    private static string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);
}
