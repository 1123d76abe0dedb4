using Spatial.Kernels;

namespace Spatial.GpuCheck;

/// <summary>
/// One kernel call on a batch sized for the backend, its per-image traffic (none for the whole model), and how to
/// build its inputs for a backend (only when it is measured, so the large CUDA batches are not all held at once).
/// </summary>
internal sealed record ThroughputWorkload(string Kernel, string Shape, int Batch, ImageTraffic? Traffic, Func<IKernelBackend, Action> Prepare);
