using MudBlazor;

namespace CourierCrm.Web.Platform.Layout;

/// <summary>The product's look: courier red-orange primary, calm slate surfaces, Chinese-friendly fonts.</summary>
public static class CrmTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#C62828",
            Secondary = "#37474F",
            Tertiary = "#F57C00",
            AppbarBackground = "#B71C1C",
            Background = "#F5F6F8",
            DrawerBackground = "#FFFFFF",
            TextPrimary = "#1F2933",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Roboto", "Helvetica", "Arial", "sans-serif"],
            },
            // Sentence case reads calmer than MudBlazor's upper-case buttons, and Chinese has no case anyway.
            Button = new ButtonTypography { TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "230px" },
    };
}
