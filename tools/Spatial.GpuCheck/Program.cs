using Spatial.GpuCheck;

// The GPU check: one self-contained process for a machine that has an NVIDIA driver and nothing else
// (docs/gpu-check.md). Prints one machine-parsable line per fact or figure; the exit code says whether every parity
// check passed.
GpuCheckOptions options;
try
{
    options = GpuCheckOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"gpu-check: {e.Message}");
    Console.Error.WriteLine(GpuCheckOptions.Usage);
    return ExitCodes.Usage;
}
if (options.Help)
{
    Console.WriteLine(GpuCheckOptions.Usage);
    return ExitCodes.Passed;
}
return GpuCheckRun.Execute(options, Console.Out);
