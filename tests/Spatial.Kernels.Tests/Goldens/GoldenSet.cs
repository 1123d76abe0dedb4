using System.Text.Json;
using SkiaSharp;
using Spatial.Kernels.Imaging;
using Spatial.Kernels.Tests.Reference;

namespace Spatial.Kernels.Tests.Goldens;

/// <summary>
/// Small committed PNG images with the expected preprocessing and feature outputs (computed once by the
/// reference and stored), so a change in any backend or in the reference itself shows up as a diff.
/// </summary>
internal sealed record GoldenSet(string[] Images, float[] Preprocess, float[] Features)
{
    public static readonly PreprocessSpec PreprocessSpec = new() { Width = 16, Height = 12, CenterCrop = true };
    public static readonly SpatialFeatureSpec FeatureSpec = new() { GridSize = 4, OrientationBins = 8 };
    private static readonly (int Width, int Height)[] Sizes = [(40, 30), (17, 23), (1, 1)];

    public static string Folder => Path.Combine(TestContext.CurrentContext.TestDirectory, "Goldens");

    public static GoldenSet Load() =>
        JsonSerializer.Deserialize<GoldenSet>(File.ReadAllText(Path.Combine(Folder, "expected.json")))
        ?? throw new InvalidDataException("expected.json is empty");

    public RgbImage[] Decode() => Images.Select(name => ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(Folder, name)))).ToArray();

    /// <summary>Writes the images and expected outputs into <paramref name="folder"/> (the source folder, not the build output).</summary>
    public static void Regenerate(string folder)
    {
        var names = new List<string>();
        var images = new List<RgbImage>();
        for (var i = 0; i < Sizes.Length; i++)
        {
            var image = TestImages.Create(Sizes[i].Width, Sizes[i].Height, 500 + i);
            var name = $"golden-{i}.png";
            File.WriteAllBytes(Path.Combine(folder, name), EncodePng(image));
            names.Add(name);
            images.Add(image);
        }
        var set = new GoldenSet([.. names], ReferenceKernels.Preprocess(images, PreprocessSpec), ReferenceKernels.SpatialFeatures(images, FeatureSpec));
        File.WriteAllText(Path.Combine(folder, "expected.json"), JsonSerializer.Serialize(set));
    }

    public static byte[] EncodePng(RgbImage image) => Encode(image, SKEncodedImageFormat.Png, 100);

    public static byte[] Encode(RgbImage image, SKEncodedImageFormat format, int quality)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var p = image.Pixels.Span;
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
            {
                var o = (y * image.Width + x) * 3;
                bitmap.SetPixel(x, y, new SKColor(p[o], p[o + 1], p[o + 2]));
            }
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }
}
