using System.Diagnostics;
using Spatial.Kernels.Ilgpu;

namespace Spatial.Kernels;

/// <summary>First-call cost of a backend, for the service's start-up log and stage 2's report.</summary>
/// <param name="Kind">The backend measured.</param>
/// <param name="KernelLoad">Loading (JIT-compiling) the ILGPU kernels; zero for the managed CPU path.</param>
/// <param name="FirstCall">Running every op once on a tiny input, the first time (includes managed JIT).</param>
/// <param name="SecondCall">The same again, warm: what the first call cost beyond steady state is their difference.</param>
public sealed record WarmUpReport(AcceleratorChoice Kind, TimeSpan KernelLoad, TimeSpan FirstCall, TimeSpan SecondCall);

/// <summary>Runs every op of a backend once so the first real request does not pay for compilation.</summary>
public static class KernelWarmUp
{
    /// <summary>Runs each op twice on tiny inputs and reports how long the first and second passes took.</summary>
    public static WarmUpReport Run(IKernelBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var first = Time(backend);
        var second = Time(backend);
        var load = backend is IlgpuKernelBackend ilgpu ? ilgpu.KernelLoadTime : TimeSpan.Zero;
        return new WarmUpReport(backend.Kind, load, first, second);
    }

    private static TimeSpan Time(IKernelBackend backend)
    {
        var clock = Stopwatch.StartNew();
        var image = new RgbImage(4, 3, new byte[36]);
        backend.Preprocess([image], new PreprocessSpec { Width = 2, Height = 2 }, new float[12]);
        var spec = new SpatialFeatureSpec { GridSize = 1 };
        backend.ExtractSpatialFeatures([image], spec, new float[spec.FeatureCount]);
        backend.Conv2d(new float[4], new Conv2dShape(1, 1, 2, 2, 1, 1, 1, 0, true), new float[1], new float[1], new float[4]);
        backend.GlobalAveragePool(new float[4], 1, 1, 2, 2, new float[1]);
        backend.Dense(new float[2], 1, 2, 2, new float[4], new float[2], false, new float[2]);
        backend.Softmax(new float[2], 1, 2, new float[2]);
        return clock.Elapsed;
    }
}
