using Microsoft.Extensions.Localization;
using MudBlazor;

namespace EcomOps.Console.Localization;

/// <summary>
/// MudBlazor's own texts (pager, date pickers, dialog and chip buttons, aria labels, converter messages) from the
/// console's UI text as <c>Mud.{MudBlazor key}</c>, so a Chinese page has no English left in it. MudBlazor asks this
/// only outside English; a key the console has no words for falls back to MudBlazor's English.
/// </summary>
public sealed class ConsoleMudLocalizer(IStringLocalizer<UiText> text) : MudLocalizer
{
    public const string Prefix = "Mud.";

    public override LocalizedString this[string key] => Named(key, text[Prefix + key]);

    public override LocalizedString this[string key, params object[] arguments] => Named(key, text[Prefix + key, arguments]);

    // MudBlazor looks the result up by its own key: the prefix is the console's business.
    private static LocalizedString Named(string key, LocalizedString found) => new(key, found.Value, found.ResourceNotFound);
}
