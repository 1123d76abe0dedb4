using System.Buffers.Binary;
using SkiaSharp;

namespace Spatial.Service.Tests.Support;

/// <summary>Encoded test images made on the fly: solid colours, noise, and deliberately broken files.</summary>
internal static class TestImages
{
    public static byte[] SolidPng(byte r, byte g, byte b, int width = 32, int height = 24) => Solid(r, g, b, width, height, SKEncodedImageFormat.Png);

    public static byte[] SolidJpeg(byte r, byte g, byte b, int width = 32, int height = 24) => Solid(r, g, b, width, height, SKEncodedImageFormat.Jpeg);

    public static byte[] NoisePng(int seed, int width = 40, int height = 30) => Noise(seed, width, height, SKEncodedImageFormat.Png);

    public static byte[] NoiseJpeg(int seed, int width = 40, int height = 30) => Noise(seed, width, height, SKEncodedImageFormat.Jpeg);

    /// <summary>A GIF header: a real image format the service does not accept.</summary>
    public static byte[] Gif() => [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x21, 0xF9, 4, 1, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B];

    /// <summary>A small valid PNG whose header claims <paramref name="width"/> x <paramref name="height"/> (CRC fixed up): a decompression bomb's calling card.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var png = SolidPng(10, 20, 30, 4, 4);
        // Signature (8) + IHDR length (4) + "IHDR" (4): width and height follow, then 5 bytes, then the CRC.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>A JPEG whose SOF0 header claims <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static byte[] JpegDeclaring(int width, int height)
    {
        var jpeg = SolidJpeg(10, 20, 30, 8, 8);
        for (var i = 2; i + 9 < jpeg.Length; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 7), (ushort)width);
                return jpeg;
            }
        }
        throw new InvalidOperationException("no SOF marker in the encoded JPEG");
    }

    /// <summary>Lossless PNG of <paramref name="image"/>, so the service decodes exactly these pixels.</summary>
    public static byte[] Png(Spatial.Kernels.RgbImage image)
    {
        using var bitmap = new SKBitmap(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var pixels = image.Pixels.Span;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var o = (y * image.Width + x) * 3;
                bitmap.SetPixel(x, y, new SKColor(pixels[o], pixels[o + 1], pixels[o + 2]));
            }
        }
        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

    public static byte[] Truncated(byte[] image, double fraction) => image[..Math.Max(1, (int)(image.Length * fraction))];

    private static byte[] Solid(byte r, byte g, byte b, int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(new SKColor(r, g, b));
        return Encode(bitmap, format);
    }

    private static byte[] Noise(int seed, int width, int height, SKEncodedImageFormat format)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        return Encode(bitmap, format);
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
