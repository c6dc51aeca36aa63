using MudBlazor;

namespace EcomOps.Console.Components.Layout;

public static class OpsTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#00897b",
            AppbarBackground = "#0d47a1",
            Background = "#f5f7fa",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64b5f6",
            PrimaryContrastText = "#0b1f33",
            Secondary = "#4db6ac",
            SecondaryContrastText = "#06201d",
            TableStriped = "rgba(255, 255, 255, 0.03)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "sans-serif"],
            },
        },
    };
}
