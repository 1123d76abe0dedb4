using System.Reflection;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using Spatial.Kernels.Ilgpu;

namespace Spatial.GpuCheck;

/// <summary>
/// Compiles every ILGPU kernel of the library to PTX for the H200's architecture (sm_90) without a device: on a
/// machine without CUDA this is the proof that ILGPU's CUDA code generator works in this (trimmed) payload.
/// </summary>
internal static class PtxCompilation
{
    /// <summary>One <c>ptx</c> line per kernel; returns the number that failed to compile.</summary>
    public static int Run(TextWriter output)
    {
        var kernels = typeof(IlgpuKernels).GetMethods(BindingFlags.Public | BindingFlags.Static);
        using var context = Context.Create(builder => builder.EnableAlgorithms());
        // sm_90 needs PTX ISA 7.8 at least; no NVVM: ILGPU generates the PTX itself, as it does for the CUDA backend.
        using var backend = new PTXBackend(context, CudaArchitecture.SM_90, CudaInstructionSet.ISA_78, nvvmAPI: null!);
        var failures = 0;
        foreach (var kernel in kernels.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var line = new ReportLine("ptx").Add("kernel", kernel.Name).Add("architecture", "sm_90").Add("isa", "7.8");
            try
            {
                var entry = EntryPointDescription.FromExplicitlyGroupedKernel(kernel);
                var compiled = (PTXCompiledKernel)backend.Compile(entry, KernelSpecialization.Empty);
                output.WriteLine(line.Add("ptx_chars", compiled.PTXAssembly.Length).Add("result", "pass"));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures++;
                output.WriteLine(line.Add("error", $"{e.GetType().Name}: {e.Message}").Add("result", "fail"));
            }
        }
        return failures;
    }
}
