namespace Spatial.GpuCheck;

/// <summary>What the process exit code means (docs/gpu-check.md).</summary>
internal static class ExitCodes
{
    /// <summary>Every parity check passed (skipped throughput figures do not fail a run).</summary>
    public const int Passed = 0;

    /// <summary>A kernel, forward-pass or PTX check failed, or the check itself broke (an <c>error</c> line says why).</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;

    /// <summary>No CUDA device, and <c>--local</c> was not given: a GPU run that cannot reach the GPU.</summary>
    public const int NoCuda = 3;
}
