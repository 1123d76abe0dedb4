namespace Spatial.Kernels.Tests.Reference;

/// <summary>
/// How far a backend may be from the double-precision reference, per kernel, and from the vectorised CPU path: the
/// contract the kernel tests and the GPU check both hold every backend to (docs/kernels.md, docs/gpu-check.md).
/// </summary>
internal static class KernelTolerances
{
    /// <summary>Normalised preprocessing output, absolute.</summary>
    public const double Preprocess = 1e-4;

    /// <summary>Spatial features, absolute.</summary>
    public const double SpatialFeatures = 1e-4;

    /// <summary>Sums of up to Cin*K*K float products: absolute, for values of order one.</summary>
    public const double Conv2d = 1e-5;

    /// <summary>Dense layers, absolute, for values of order one.</summary>
    public const double Dense = 1e-5;

    /// <summary>Global average pooling, absolute.</summary>
    public const double GlobalAveragePool = 1e-6;

    /// <summary>Softmax probabilities, absolute.</summary>
    public const double Softmax = 1e-6;

    /// <summary>Any backend against the vectorised CPU path on the same inputs, absolute.</summary>
    public const double ParityWithCpu = 1e-4;
}
