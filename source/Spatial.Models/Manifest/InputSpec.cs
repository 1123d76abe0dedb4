using Spatial.Kernels;

namespace Spatial.Models;

/// <summary>The visual encoder's input: which preprocessing (version and parameters) turns an image into its tensor.</summary>
public sealed record InputSpec
{
    /// <summary>Preprocessing version, checked against the kernel library.</summary>
    public required string PreprocessVersion { get; init; }

    /// <summary>Input width in pixels.</summary>
    public required int Width { get; init; }

    /// <summary>Input height in pixels.</summary>
    public required int Height { get; init; }

    /// <summary>Whether the image is centre-cropped to the input's aspect ratio before resizing.</summary>
    public bool CenterCrop { get; init; }

    /// <summary>Per-channel mean (R, G, B) on the 0..1 scale.</summary>
    public required IReadOnlyList<float> Mean { get; init; }

    /// <summary>Per-channel standard deviation (R, G, B) on the 0..1 scale.</summary>
    public required IReadOnlyList<float> Std { get; init; }

    /// <summary>The kernel library's spec for this input.</summary>
    public PreprocessSpec ToPreprocessSpec() => new()
    {
        Version = PreprocessVersion, Width = Width, Height = Height, CenterCrop = CenterCrop, Mean = Mean, Std = Std,
    };
}
