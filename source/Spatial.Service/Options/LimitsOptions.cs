using System.ComponentModel.DataAnnotations;
using Spatial.Service.Images;

namespace Spatial.Service.Options;

/// <summary>What a request may carry (section <c>Spatial:Limits</c>); anything beyond is refused with a 4xx problem.</summary>
public sealed class LimitsOptions : IValidatableObject
{
    /// <summary>Configuration section these options bind from.</summary>
    public const string Section = "Spatial:Limits";

    /// <summary>Largest request body in bytes (single image or whole multipart batch); larger bodies get 413.</summary>
    [Range(1024, 1L << 30)]
    public long MaxRequestBytes { get; set; } = 16L << 20;

    /// <summary>Widest image accepted, read from the file header before any pixel is decoded.</summary>
    [Range(1, 65_535)]
    public int MaxImageWidth { get; set; } = 4096;

    /// <summary>Tallest image accepted, read from the file header before any pixel is decoded.</summary>
    [Range(1, 65_535)]
    public int MaxImageHeight { get; set; } = 4096;

    /// <summary>Most pixels (width times height) accepted in one image.</summary>
    [Range(1, 500_000_000)]
    public long MaxImagePixels { get; set; } = 4096L * 4096;

    /// <summary>Most images in one <c>/v1/classify/batch</c> request.</summary>
    [Range(1, 1024)]
    public int MaxBatchImages { get; set; } = 32;

    /// <summary>Most pixels, summed over its images' headers, one request may have decoded (two images at the per-image maximum).</summary>
    [Range(1, 2_000_000_000)]
    public long MaxRequestPixels { get; set; } = 2L * 4096 * 4096;

    /// <summary>Most decoded pixels all requests together may hold (about 7 bytes each while decoding); requests beyond wait, then get 503.</summary>
    [Range(1, 8_000_000_000)]
    public long MaxDecodedPixelsInFlight { get; set; } = 4L * 4096 * 4096;

    /// <summary>How long a request waits for decoded-pixel budget before it is refused with 503 and Retry-After.</summary>
    [Range(0, 60_000)]
    public int DecodeWaitMilliseconds { get; set; } = 2000;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxImagePixels > MaxRequestPixels)
            yield return new ValidationResult($"MaxImagePixels ({MaxImagePixels}) may not exceed MaxRequestPixels ({MaxRequestPixels}): no image could be accepted", [nameof(MaxImagePixels)]);
        if (MaxRequestPixels > DecodedPixelBudget.CeilingFor(MaxRequestPixels, MaxDecodedPixelsInFlight))
            yield return new ValidationResult($"MaxRequestPixels ({MaxRequestPixels}) may not exceed three quarters of MaxDecodedPixelsInFlight ({MaxDecodedPixelsInFlight}): such a request could never run", [nameof(MaxRequestPixels)]);
    }
}
