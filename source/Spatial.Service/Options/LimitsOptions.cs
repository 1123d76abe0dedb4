using System.ComponentModel.DataAnnotations;

namespace Spatial.Service.Options;

/// <summary>What a request may carry (section <c>Spatial:Limits</c>); anything beyond is refused with a 4xx problem.</summary>
public sealed class LimitsOptions
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
}
