using SkiaSharp;
using Spatial.Kernels;

namespace Spatial.Models.Data;

/// <summary>Encodes generated images as PNG (for golden files other test suites classify).</summary>
public static class PngWriter
{
    /// <summary>PNG bytes of <paramref name="image"/>.</summary>
    public static byte[] Encode(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var rgb = image.Pixels.Span;
        var rgba = new byte[image.Width * image.Height * 4];
        for (int i = 0, j = 0; i < rgb.Length; i += 3, j += 4)
        {
            rgba[j] = rgb[i];
            rgba[j + 1] = rgb[i + 1];
            rgba[j + 2] = rgb[i + 2];
            rgba[j + 3] = 255;
        }
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var skImage = SKImage.FromPixelCopy(info, rgba);
        using var data = skImage.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
