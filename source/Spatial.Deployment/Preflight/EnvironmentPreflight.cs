using Spatial.Deployment.Environments;
using Spatial.Kernels;

namespace Spatial.Deployment.Preflight;

/// <summary>Stage 1 in one call: observe the machine, judge it against the environment.</summary>
public static class EnvironmentPreflight
{
    /// <summary>Runs every probe and returns the judged report.</summary>
    public static async Task<PreflightReport> RunAsync(
        DeploymentEnvironment environment,
        PreflightOptions options,
        Func<IReadOnlyList<AcceleratorDescription>> describeAccelerators,
        CancellationToken cancellationToken = default)
    {
        var facts = await new MachineProbe(options, describeAccelerators).ObserveAsync(cancellationToken);
        return PreflightPolicy.Judge(facts, environment, DateTimeOffset.UtcNow);
    }
}
