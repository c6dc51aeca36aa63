namespace EcomOps.Console;

/// <summary>Marker for the console's one table of UI text: Resources/UiText.resx (English) and UiText.zh-Hans.resx.</summary>
public sealed class UiText;
