namespace Spatial.GpuCheck;

/// <summary>The names the check prints for each operation of <see cref="Kernels.IKernelBackend"/> (and the whole model).</summary>
internal static class KernelNames
{
    public const string Preprocess = "preprocess";
    public const string Features = "features";
    public const string Conv2d = "conv2d";
    public const string Pool = "pool";
    public const string Dense = "dense";
    public const string Softmax = "softmax";
    public const string Forward = "forward";
}
