using Microsoft.AspNetCore.Components;

namespace EcomOps.Console.Components.Shared;

/// <summary>
/// A Material icon as Mud's <c>&lt;svg&gt;</c> markup without a <c>MudIcon</c> component: the shell and the live lists
/// show icons in every open tab's circuit, and each component costs a circuit its own render-tree buffers.
/// </summary>
public static class SvgIcon
{
    public static MarkupString Of(string icon, string size = "medium", string? extraClass = null) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{size}{(extraClass is null ? "" : " " + extraClass)}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{icon}</svg>");
}
