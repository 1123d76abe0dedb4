using System.Reflection;
using System.Runtime.InteropServices;

namespace Spatial.GpuCheck;

/// <summary>
/// Points ILGPU's imports of the CUDA driver ("cuda") and NVML ("nvidia-ml") at the driver's versioned sonames.
/// .NET probes <c>libcuda.so</c>, a development symlink that driver-only machines and GPU containers often lack,
/// while the driver itself always installs <c>libcuda.so.1</c> and <c>libnvidia-ml.so.1</c>.
/// </summary>
internal static class CudaDriverLibrary
{
    private static readonly Dictionary<string, string> Sonames = new(StringComparer.Ordinal)
    {
        ["cuda"] = "libcuda.so.1",
        ["nvidia-ml"] = "libnvidia-ml.so.1",
    };

    /// <summary>Registers the resolver once, before anything calls into ILGPU; returns why it could not, or null.</summary>
    public static string? Register()
    {
        if (!OperatingSystem.IsLinux())
            return null;
        foreach (var assembly in new[] { typeof(ILGPU.Context).Assembly, typeof(ILGPU.Algorithms.XMath).Assembly })
        {
            try
            {
                NativeLibrary.SetDllImportResolver(assembly, Resolve);
            }
            catch (InvalidOperationException e)
            {
                // The assembly already has a resolver of its own: keep it, and say so.
                return $"{assembly.GetName().Name} resolves its native libraries itself ({e.Message})";
            }
        }
        return null;
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (Sonames.TryGetValue(name, out var soname) && NativeLibrary.TryLoad(soname, assembly, searchPath, out var handle))
            return handle;
        // Zero: the runtime's own probing follows (libcuda.so, then the plain name).
        return IntPtr.Zero;
    }
}
