namespace Spatial.Kernels;

/// <summary>
/// How images become model input: bilinear resize with half-pixel centres (OpenCV INTER_LINEAR),
/// optional centre crop, per-channel (x/255 - mean) / std. Versioned so a model manifest can say which
/// preprocessing it was trained with and a kernel library can refuse one it does not implement.
/// </summary>
public sealed record PreprocessSpec
{
    /// <summary>The preprocessing version this kernel library implements.</summary>
    public const string CurrentVersion = "preprocess/1";

    /// <summary>Spec version; must be one of <see cref="KernelLibrary.SupportedPreprocessVersions"/>.</summary>
    public string Version { get; init; } = CurrentVersion;

    /// <summary>Output width in pixels.</summary>
    public required int Width { get; init; }

    /// <summary>Output height in pixels.</summary>
    public required int Height { get; init; }

    /// <summary>When true, the largest centred region with the output's aspect ratio is resized; otherwise the whole image is stretched.</summary>
    public bool CenterCrop { get; init; }

    /// <summary>Per-channel mean (R, G, B) on the 0..1 scale.</summary>
    public IReadOnlyList<float> Mean { get; init; } = [0.485f, 0.456f, 0.406f];

    /// <summary>Per-channel standard deviation (R, G, B) on the 0..1 scale; all positive.</summary>
    public IReadOnlyList<float> Std { get; init; } = [0.229f, 0.224f, 0.225f];

    /// <summary>Largest supported output side in pixels.</summary>
    public const int MaxSide = 8192;

    /// <summary>Throws <see cref="ArgumentException"/> when the spec is unsupported or out of range.</summary>
    public void Validate()
    {
        if (!KernelLibrary.SupportedPreprocessVersions.Contains(Version))
            throw new ArgumentException($"preprocess version '{Version}' is not supported; this library implements {string.Join(", ", KernelLibrary.SupportedPreprocessVersions)}");
        if (Width is < 1 or > MaxSide || Height is < 1 or > MaxSide)
            throw new ArgumentException($"output size must be 1..{MaxSide} per side, got {Width}x{Height}");
        if (Mean is null || Mean.Count != 3 || Std is null || Std.Count != 3)
            throw new ArgumentException("Mean and Std need exactly three values (R, G, B)");
        for (var c = 0; c < 3; c++)
        {
            if (!float.IsFinite(Mean[c]))
                throw new ArgumentException($"Mean[{c}] must be finite, got {Mean[c]}");
            if (!(Std[c] > 0f) || !float.IsFinite(Std[c]))
                throw new ArgumentException($"Std[{c}] must be positive and finite, got {Std[c]}");
        }
    }
}
