using SkiaSharp;

namespace Spatial.Kernels.Imaging;

/// <summary>
/// Decodes PNG and JPEG to <see cref="RgbImage"/> on the CPU with SkiaSharp. The header is read and
/// checked against <see cref="ImageLimits"/> before any pixel memory is allocated.
/// </summary>
public static class ImageDecoder
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> TiffLittle => [0x49, 0x49, 0x2A, 0x00];
    private static ReadOnlySpan<byte> TiffBig => [0x4D, 0x4D, 0x00, 0x2A];
    private static ReadOnlySpan<byte> Icon => [0x00, 0x00, 0x01, 0x00];

    /// <summary>Reads format and dimensions without decoding pixels; throws <see cref="ImageDecodeException"/>.</summary>
    public static ImageHeader ReadHeader(ReadOnlySpan<byte> data)
    {
        var format = Sniff(data);
        using var encoded = SKData.CreateCopy(data);
        using var codec = OpenCodec(encoded);
        return new ImageHeader(format, codec.Info.Width, codec.Info.Height);
    }

    /// <summary>Decodes to interleaved RGB (alpha dropped); throws <see cref="ImageDecodeException"/>.</summary>
    public static RgbImage Decode(ReadOnlySpan<byte> data, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        var format = Sniff(data);
        using var encoded = SKData.CreateCopy(data);
        using var codec = OpenCodec(encoded);
        var header = new ImageHeader(format, codec.Info.Width, codec.Info.Height);
        if (header.Width < 1 || header.Height < 1)
            throw new ImageDecodeException(ImageDecodeFailure.Corrupt, $"the {format} header declares an empty image ({header.Width}x{header.Height})");
        if (header.Width > limits.MaxWidth || header.Height > limits.MaxHeight || header.PixelCount > limits.MaxPixels)
            throw new ImageDecodeException(ImageDecodeFailure.DimensionsTooLarge,
                $"the {format} image is {header.Width}x{header.Height}; the limit is {limits.MaxWidth}x{limits.MaxHeight} and {limits.MaxPixels} pixels");
        var info = new SKImageInfo(header.Width, header.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[header.PixelCount * 4];
        SKCodecResult result;
        unsafe
        {
            fixed (byte* target = rgba)
                result = codec.GetPixels(info, (IntPtr)target);
        }
        switch (result)
        {
            case SKCodecResult.Success:
                break;
            case SKCodecResult.IncompleteInput:
                throw new ImageDecodeException(ImageDecodeFailure.Truncated, $"the {format} data ends before the image does ({data.Length} bytes)");
            default:
                throw new ImageDecodeException(ImageDecodeFailure.Corrupt, $"the {format} data is damaged: {result}");
        }
        var rgb = new byte[header.PixelCount * 3];
        for (long p = 0, q = 0; p < rgba.Length; p += 4, q += 3)
        {
            rgb[q] = rgba[p];
            rgb[q + 1] = rgba[p + 1];
            rgb[q + 2] = rgba[p + 2];
        }
        return new RgbImage(header.Width, header.Height, rgb);
    }

    /// <summary>Decodes with <see cref="ImageLimits.Default"/>.</summary>
    public static RgbImage Decode(ReadOnlySpan<byte> data) => Decode(data, ImageLimits.Default);

    private static ImageFormat Sniff(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
            throw new ImageDecodeException(ImageDecodeFailure.Empty, "the image is empty (0 bytes)");
        if (data.StartsWith(PngSignature))
            return ImageFormat.Png;
        if (data.StartsWith(JpegSignature))
            return ImageFormat.Jpeg;
        if (PrefixIsTruncated(data))
            throw new ImageDecodeException(ImageDecodeFailure.Truncated, $"the data ends inside an image signature ({data.Length} bytes)");
        if (OtherFormat(data) is { } other)
            throw new ImageDecodeException(ImageDecodeFailure.UnsupportedFormat, $"{other} images are not accepted; send PNG or JPEG");
        throw new ImageDecodeException(ImageDecodeFailure.NotAnImage, "the data is not a PNG or JPEG image");
    }

    private static bool PrefixIsTruncated(ReadOnlySpan<byte> data) =>
        (data.Length < PngSignature.Length && PngSignature.StartsWith(data)) ||
        (data.Length < JpegSignature.Length && JpegSignature.StartsWith(data));

    private static string? OtherFormat(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("GIF8"u8))
            return "GIF";
        if (data.StartsWith("BM"u8))
            return "BMP";
        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
            return "WebP";
        if (data.StartsWith(TiffLittle) || data.StartsWith(TiffBig))
            return "TIFF";
        if (data.StartsWith(Icon))
            return "ICO";
        return null;
    }

    private static SKCodec OpenCodec(SKData encoded)
    {
        // The codec takes ownership of the stream (SkiaSharp revokes the managed side's ownership).
        var stream = new SKMemoryStream(encoded);
        var codec = SKCodec.Create(stream, out var result);
        if (codec is not null)
            return codec;
        throw result == SKCodecResult.IncompleteInput
            ? new ImageDecodeException(ImageDecodeFailure.Truncated, "the image header is incomplete: the data was cut short")
            : new ImageDecodeException(ImageDecodeFailure.Corrupt, $"the image header cannot be read ({result})");
    }
}
