using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace EcomOps.Console.Features.Catalog;

/// <summary>
/// What every catalogue editor does alike: runs a desk operation as the signed-in person, marks refused fields in the
/// user's language, closes with a success message, and says so when someone else changed the record meanwhile or it is
/// still in use. Deleting asks twice (the first click explains that a record in use is retired instead).
/// </summary>
public abstract class CatalogDialog : ComponentBase
{
    [CascadingParameter]
    protected IMudDialogInstance Dialog { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiText> Words { get; set; } = default!;

    protected IReadOnlyList<FieldError> Errors { get; private set; } = [];

    protected bool Busy { get; private set; }

    /// <summary>The first click on Delete asked; the second deletes.</summary>
    protected bool ConfirmingDelete { get; set; }

    protected async Task RunAsync(Func<Actor, Task<Outcome<int>>> operation, string doneKey)
    {
        Busy = true;
        try
        {
            var outcome = await operation(Actor.From((await AuthState).User));
            Errors = outcome.Errors;
            if (outcome.Succeeded)
            {
                Snackbar.Add(Words[doneKey], Severity.Success);
                Dialog.Close(DialogResult.Ok(outcome.Value));
            }
            else if (outcome.Kind is OutcomeKind.Conflict or OutcomeKind.NotFound)
            {
                Snackbar.Add(Words["Common.Conflict"], Severity.Warning);
            }
            else if (Errors.FirstOrDefault(e => e.Field == CatalogRules.RecordField) is { } refused)
            {
                ConfirmingDelete = false;
                Snackbar.Add(Words[$"Error.{refused.Code}"], Severity.Warning);
            }
        }
        finally
        {
            Busy = false;
        }
    }

    protected void Cancel() => Dialog.Cancel();

    protected bool Has(string field) => Errors.Any(e => e.Field == field);

    protected string? ErrorOf(string field) => Errors.FirstOrDefault(e => e.Field == field) is { } e ? Words[$"Error.{e.Code}"].Value : null;

    protected static decimal Yuan(long cents) => cents / 100m;

    /// <summary>Yuan typed to fen; an amount past any price the desk takes stays past it (and is refused there), never overflows.</summary>
    internal static long Fen(decimal yuan) => Math.Abs(yuan) >= 1_000_000_000_000m
        ? (yuan > 0 ? long.MaxValue : long.MinValue)
        : (long)Math.Round(yuan * 100m, MidpointRounding.AwayFromZero);
}
