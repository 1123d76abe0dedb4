namespace Spatial.Kernels.Benchmarks;

/// <summary>A deterministic photo-like test image (smooth gradients, edges and noise).</summary>
internal static class SyntheticImage
{
    public static RgbImage Create(int width, int height, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height * 3];
        random.NextBytes(pixels);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var o = (y * width + x) * 3;
                pixels[o] = (byte)((x * 255 / width + (pixels[o] & 15)) & 255);
                pixels[o + 1] = (byte)((y * 255 / height + (pixels[o + 1] & 15)) & 255);
                pixels[o + 2] = (byte)(((x + y) % 97 < 48 ? 40 : 200) + (pixels[o + 2] & 7));
            }
        }
        return new RgbImage(width, height, pixels);
    }
}
