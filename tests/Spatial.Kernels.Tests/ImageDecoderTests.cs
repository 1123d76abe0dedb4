using System.Buffers.Binary;
using SkiaSharp;
using Spatial.Kernels.Imaging;
using Spatial.Kernels.Tests.Goldens;

namespace Spatial.Kernels.Tests;

public sealed class ImageDecoderTests
{
    private static readonly RgbImage Sample = TestImages.Create(33, 21, 9);

    [Test]
    public void Png_round_trips_exactly()
    {
        var png = GoldenSet.EncodePng(Sample);
        Assert.That(ImageDecoder.ReadHeader(png), Is.EqualTo(new ImageHeader(ImageFormat.Png, 33, 21)));
        var decoded = ImageDecoder.Decode(png, ImageLimits.Default);
        Assert.That(decoded.Width, Is.EqualTo(33));
        Assert.That(decoded.Pixels.ToArray(), Is.EqualTo(Sample.Pixels.ToArray()));
    }

    [Test]
    public void Jpeg_decodes_to_rgb_close_to_the_source()
    {
        // A smooth image: JPEG keeps gradients well, so a decoding bug (channel order, stride) stands out.
        var smooth = new byte[48 * 32 * 3];
        for (var i = 0; i < 48 * 32; i++)
            (smooth[i * 3], smooth[i * 3 + 1], smooth[i * 3 + 2]) = ((byte)(i % 48 * 5), (byte)(i / 48 * 7), 200);
        var source = new RgbImage(48, 32, smooth);
        var jpeg = GoldenSet.Encode(source, SKEncodedImageFormat.Jpeg, 95);
        Assert.That(ImageDecoder.ReadHeader(jpeg).Format, Is.EqualTo(ImageFormat.Jpeg));
        var decoded = ImageDecoder.Decode(jpeg);
        var a = decoded.Pixels.ToArray();
        var b = source.Pixels.ToArray();
        Assert.That(a.Length, Is.EqualTo(b.Length));
        Assert.That(a.Zip(b, (x, y) => Math.Abs(x - y)).Average(), Is.LessThan(3));
    }

    [Test]
    public void Empty_data_is_reported_as_empty() =>
        AssertFailure([], ImageDecodeFailure.Empty);

    [Test]
    public void Text_is_not_an_image() =>
        AssertFailure("hello, this is not an image"u8.ToArray(), ImageDecodeFailure.NotAnImage);

    [Test]
    public void Gif_is_an_unsupported_format() =>
        AssertFailure("GIF89a\x01\x00\x01\x00"u8.ToArray(), ImageDecodeFailure.UnsupportedFormat);

    [TestCase(SKEncodedImageFormat.Png)]
    [TestCase(SKEncodedImageFormat.Jpeg)]
    public void Data_cut_in_half_is_truncated(SKEncodedImageFormat format)
    {
        var data = GoldenSet.Encode(TestImages.Create(64, 64, 3), format, 90);
        AssertFailure(data[..(data.Length / 2)], ImageDecodeFailure.Truncated);
    }

    [Test]
    public void A_signature_alone_is_truncated() =>
        AssertFailure(GoldenSet.EncodePng(Sample)[..12], ImageDecodeFailure.Truncated);

    [Test]
    public void A_png_whose_header_claims_a_huge_image_is_refused_before_allocating()
    {
        var png = WithDimensions(GoldenSet.EncodePng(Sample), 60_000, 60_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(png, ImageLimits.Default))!;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(error.Failure, Is.EqualTo(ImageDecodeFailure.DimensionsTooLarge));
        Assert.That(error.Message, Does.Contain("60000x60000"));
        Assert.That(allocated, Is.LessThan(1 << 20), "no pixel buffer may be allocated for a refused image");
    }

    [Test]
    public void Limits_are_configurable()
    {
        var png = GoldenSet.EncodePng(Sample);
        AssertFailure(png, ImageDecodeFailure.DimensionsTooLarge, new ImageLimits { MaxPixels = 100 });
        AssertFailure(png, ImageDecodeFailure.DimensionsTooLarge, new ImageLimits { MaxWidth = 32 });
        Assert.Throws<ArgumentException>(() => ImageDecoder.Decode(png, new ImageLimits { MaxHeight = 0 }));
    }

    [Test]
    public void Damaged_compressed_data_is_corrupt_or_truncated_never_a_silent_image()
    {
        var png = GoldenSet.EncodePng(TestImages.Create(64, 64, 4));
        var damaged = (byte[])png.Clone();
        for (var i = 60; i < damaged.Length - 20; i += 7)
            damaged[i] ^= 0x5A;
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(damaged))!;
        Assert.That(error.Failure, Is.AnyOf(ImageDecodeFailure.Corrupt, ImageDecodeFailure.Truncated));
    }

    private static void AssertFailure(byte[] data, ImageDecodeFailure expected, ImageLimits? limits = null)
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(data, limits ?? ImageLimits.Default))!;
        Assert.That(error.Failure, Is.EqualTo(expected), error.Message);
        Assert.That(error.Message, Is.Not.Empty);
    }

    /// <summary>Rewrites a PNG's IHDR width and height and fixes the chunk's CRC, as a hostile file would.</summary>
    private static byte[] WithDimensions(byte[] png, int width, int height)
    {
        var copy = (byte[])png.Clone();
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(29), Crc32(copy.AsSpan(12, 17)));
        return copy;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
