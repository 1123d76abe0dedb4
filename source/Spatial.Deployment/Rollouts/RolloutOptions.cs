using Spatial.Deployment.Environments;
using Spatial.Deployment.Releases;
using Spatial.Kernels;

namespace Spatial.Deployment.Rollouts;

/// <summary>One rollout of a release to an environment.</summary>
/// <param name="Environment">Where to; its strategy, shape, ports and objectives apply.</param>
/// <param name="Release">What to roll out (prepared on the host).</param>
/// <param name="Accelerator">The backend the replicas ask for.</param>
/// <param name="GoldenImages">PNG files named <c>&lt;label&gt;.png</c>: the smoke classification and the verification traffic.</param>
/// <param name="Objectives">The SLOs the analysis holds the new release to (the environment's, possibly tightened).</param>
/// <param name="Log">Progress lines.</param>
public sealed record RolloutOptions(
    DeploymentEnvironment Environment, Release Release, AcceleratorChoice Accelerator, string GoldenImages, ServiceLevelObjectives Objectives, Action<string> Log)
{
    /// <summary>How long the analysis load phase runs through the gateway.</summary>
    public TimeSpan AnalysisDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long blue-green keeps the old pool running after the switch, for an instant rollback.</summary>
    public TimeSpan BlueGreenGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The persistent deployment's name; the environment's name unless a caller (a test) keeps apart.</summary>
    public string? DeploymentName { get; init; }

    /// <summary>The gateway's 127.0.0.1 port for a first deployment; the environment's unless set (0 picks a free one).</summary>
    public int? GatewayPort { get; init; }

    /// <summary>The gateway's admin port for a first deployment; the environment's unless set (0 picks a free one).</summary>
    public int? AdminPort { get; init; }

    /// <summary>How long a replica may take to become ready.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
