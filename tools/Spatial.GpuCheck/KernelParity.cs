namespace Spatial.GpuCheck;

/// <summary>
/// Runs every case on every backend and holds each output to the double-precision reference (the kernel's own
/// tolerance) and, for every backend but the vectorised CPU path itself, to that path's output on the same inputs.
/// </summary>
internal static class KernelParity
{
    /// <summary>One verdict per kernel, backend and baseline, written as a <c>parity</c> line as soon as it is known.</summary>
    public static IReadOnlyList<KernelVerdict> Run(IReadOnlyList<NamedBackend> backends, IReadOnlyList<KernelCase> cases, TextWriter output)
    {
        var cpu = backends.SingleOrDefault(b => b.Name == NamedBackend.Cpu)
            ?? throw new ArgumentException($"the backends must include the vectorised CPU path ('{NamedBackend.Cpu}')", nameof(backends));
        var verdicts = new List<KernelVerdict>();
        foreach (var kernel in cases.GroupBy(c => c.Kernel))
        {
            var inputs = kernel.ToList();
            var references = inputs.Select(c => c.Reference()).ToList();
            var onCpu = inputs.Select(c => c.Run(cpu.Backend)).ToList();
            var tolerance = inputs.Max(c => c.ReferenceTolerance);
            foreach (var backend in backends)
            {
                List<float[]> outputs;
                try
                {
                    outputs = backend == cpu ? onCpu : inputs.Select(c => c.Run(backend.Backend)).ToList();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A kernel that throws (a CUDA launch error, say) fails its verdict; the other kernels are still checked.
                    Report(new KernelVerdict(kernel.Key, backend.Name, KernelVerdict.VersusReference, inputs.Count, ParityResult.None, "none", tolerance,
                        ExceptionText.Of(e)), verdicts, output);
                    continue;
                }
                var vsReference = Worst(inputs, outputs, references);
                Report(new KernelVerdict(kernel.Key, backend.Name, KernelVerdict.VersusReference, inputs.Count, vsReference.Result, vsReference.Case,
                    tolerance), verdicts, output);
                if (backend == cpu)
                    continue;
                var vsCpu = Worst(inputs, outputs, onCpu);
                Report(new KernelVerdict(kernel.Key, backend.Name, NamedBackend.Cpu, inputs.Count, vsCpu.Result, vsCpu.Case,
                    Kernels.Tests.Reference.KernelTolerances.ParityWithCpu), verdicts, output);
            }
        }
        return verdicts;
    }

    private static (ParityResult Result, string Case) Worst(List<KernelCase> cases, List<float[]> actual, List<float[]> expected)
    {
        var worst = ParityResult.None;
        var worstCase = cases[0].Name;
        for (var i = 0; i < cases.Count; i++)
        {
            var result = ParityCheck.Compare(actual[i], expected[i]);
            var failedFirst = !result.LengthsMatch || result.NonFiniteIndex >= 0;
            if (failedFirst || result.MaxAbsDiff > worst.MaxAbsDiff)
                worstCase = cases[i].Name;
            worst = worst.Worst(result);
        }
        return (worst, worstCase);
    }

    private static void Report(KernelVerdict verdict, List<KernelVerdict> verdicts, TextWriter output)
    {
        verdicts.Add(verdict);
        output.WriteLine(verdict.ToLine());
    }
}
