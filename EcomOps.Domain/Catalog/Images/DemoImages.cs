using SkiaSharp;

namespace EcomOps.Domain.Catalog.Images;

/// <summary>
/// Pictures for the demo catalogue: a flat product shot (a shape on a coloured ground) per look, drawn once and shared
/// by the products that use it (the store keeps a picture once). No text, so no font is needed on the machine.
/// </summary>
public static class DemoImages
{
    /// <summary>A square JPEG of <paramref name="side"/> px in one of a few looks.</summary>
    public static byte[] Render(int look, int side)
    {
        var hue = look * 47 % 360;
        using var surface = SKSurface.Create(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColor.FromHsl(hue, 35, 92));
        using var ground = new SKPaint { Color = SKColor.FromHsl(hue, 30, 84), IsAntialias = true };
        canvas.DrawRect(0, side * 0.72f, side, side * 0.28f, ground);
        using var product = new SKPaint { Color = SKColor.FromHsl(hue, 55, 48), IsAntialias = true };
        using var shade = new SKPaint { Color = SKColor.FromHsl(hue, 55, 36), IsAntialias = true };
        var c = side / 2f;
        switch (look % 3)
        {
            case 0:
                canvas.DrawCircle(c, c, side * 0.28f, product);
                canvas.DrawCircle(c + side * 0.08f, c - side * 0.08f, side * 0.07f, shade);
                break;
            case 1:
                canvas.DrawRoundRect(new SKRect(side * 0.28f, side * 0.2f, side * 0.72f, side * 0.8f), side * 0.05f, side * 0.05f, product);
                canvas.DrawRect(side * 0.28f, side * 0.62f, side * 0.44f, side * 0.06f, shade);
                break;
            default:
                canvas.DrawOval(new SKRect(side * 0.22f, side * 0.3f, side * 0.78f, side * 0.74f), product);
                canvas.DrawCircle(c, side * 0.55f, side * 0.08f, shade);
                break;
        }
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Jpeg, 82);
        return encoded.ToArray();
    }
}
