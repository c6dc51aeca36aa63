using EcomOps.Domain.Catalog.Images;
using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace EcomOps.Console.Features.Design;

/// <summary>What the design pages tell someone whose move did not go through.</summary>
public static class DesignText
{
    /// <summary>A stale card (someone else moved it), a request gone, or the first refusal, in the reader's language.</summary>
    public static string Refusal<T>(IStringLocalizer<UiText> l, Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Conflict => l["Design.Moved"],
        OutcomeKind.NotFound => l["Design.Gone"],
        _ => outcome.Errors.Count > 0 ? l[$"Error.{outcome.Errors[0].Code}"] : l["Design.Moved"],
    };

    /// <summary>
    /// The browser's files as the desk takes them: the declared size goes with each, and a file over the limit is handed
    /// over unopened (an empty stream), so the desk refuses it from its size without a byte crossing the circuit.
    /// </summary>
    public static IReadOnlyList<DesignUpload> Uploads(IEnumerable<IBrowserFile> files) =>
        [.. files.Select(f => new DesignUpload(f.Name, f.Size, f.Size > ImageRules.MaxBytes ? Stream.Null : f.OpenReadStream(ImageRules.MaxBytes)))];
}
