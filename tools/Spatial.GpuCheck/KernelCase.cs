using Spatial.Kernels;

namespace Spatial.GpuCheck;

/// <summary>
/// One kernel call on fixed inputs: <see cref="Run"/> gives a backend's output, <see cref="Reference"/> the plain
/// double-precision one, which may be at most <see cref="ReferenceTolerance"/> away.
/// </summary>
internal sealed record KernelCase(
    string Kernel,
    string Name,
    double ReferenceTolerance,
    Func<IKernelBackend, float[]> Run,
    Func<float[]> Reference);
