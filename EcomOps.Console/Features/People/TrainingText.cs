using EcomOps.Domain.Data;
using Microsoft.Extensions.Localization;

namespace EcomOps.Console.Features.People;

/// <summary>The words for an operation's refusal: a stale copy, or each rule it broke.</summary>
public static class TrainingText
{
    public static string Refusal<T>(Outcome<T> outcome, IStringLocalizer<UiText> l) => outcome.Kind switch
    {
        OutcomeKind.Conflict => l["Common.Conflict"],
        OutcomeKind.NotFound => l["Common.NotFound"],
        _ => string.Join(" ", outcome.Errors.Select(e => e.Code).Distinct().Select(c => l[$"Error.{c}"].Value)),
    };

    public static string? ErrorOf(IReadOnlyList<FieldError> errors, string field, IStringLocalizer<UiText> l) =>
        errors.FirstOrDefault(e => e.Field == field) is { } error ? l[$"Error.{error.Code}"].Value : null;
}
