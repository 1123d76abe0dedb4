namespace Spatial.Kernels.Tests;

/// <summary>
/// Deterministic synthetic inputs: gradients, edges, a dark blob and noise, so every feature has something to measure.
/// Free of test-framework code so the GPU check can feed the kernels the same inputs.
/// </summary>
internal static partial class TestImages
{
    public static RgbImage Create(int width, int height, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var o = (y * width + x) * 3;
                var dark = (x - width / 3.0) * (x - width / 3.0) + (y - height / 2.0) * (y - height / 2.0) < width * height / 20.0;
                var edge = x > width * 2 / 3 ? 90 : 0;
                pixels[o] = dark ? (byte)random.Next(0, 30) : (byte)Math.Clamp(x * 255 / Math.Max(1, width - 1) + random.Next(-20, 21), 0, 255);
                pixels[o + 1] = dark ? (byte)random.Next(0, 30) : (byte)Math.Clamp(y * 255 / Math.Max(1, height - 1) - edge + random.Next(-20, 21), 0, 255);
                pixels[o + 2] = (byte)random.Next(0, 256);
            }
        }
        return new RgbImage(width, height, pixels);
    }

    public static RgbImage[] Batch(int count, int seed, int minSide = 1, int maxSide = 24)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i => Create(random.Next(minSide, maxSide + 1), random.Next(minSide, maxSide + 1), seed * 1000 + i))
            .ToArray();
    }

    public static float[] RandomFloats(int count, int seed, float scale = 1f)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1) * scale).ToArray();
    }
}
