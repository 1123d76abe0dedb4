using Spatial.Kernels;
using Spatial.Models.Registry;

namespace Spatial.Deployment.Environments;

/// <summary>
/// The environments Spatial deploys to: the one typed place their shape, rollout strategy, objectives, load profile and
/// machine requirements live. The model-promotion rules (minimum accuracy, prerequisite, approval) are the model
/// registry's <see cref="EnvironmentPolicies"/>, read through <see cref="ModelPolicy"/>. An enumeration class:
/// <c>--environment staging</c> binds to <see cref="Staging"/> by name.
/// </summary>
public sealed class DeploymentEnvironment
{
    private const long GiB = 1L << 30;

    /// <summary>A developer's machine: everything may fall back to embedded defaults.</summary>
    public static readonly DeploymentEnvironment Development = new(
        "development",
        new EnvironmentRequirements(RequirementLevel.Recommended, RequirementLevel.Optional, RequirementLevel.Optional, 2 * GiB),
        new ServiceShape(Replicas: 1, HostPort: 8081, AdminPort: 9081, MemoryLimitBytes: 1 * GiB, Cpus: 1, AcceleratorChoice.Auto),
        RolloutStrategy.Recreate,
        new ServiceLevelObjectives(P95: TimeSpan.FromMilliseconds(500), P99: TimeSpan.FromMilliseconds(1000), MaxErrorRate: 0.01, MinThroughput: 10),
        new LoadProfile(RequestsPerSecond: 20, Duration: TimeSpan.FromSeconds(10), Warmup: TimeSpan.FromSeconds(2), MaxConnections: 16));

    /// <summary>Production-shaped, but runs on any build box: Docker and Trivy are expected, not demanded.</summary>
    public static readonly DeploymentEnvironment Staging = new(
        "staging",
        new EnvironmentRequirements(RequirementLevel.Recommended, RequirementLevel.Optional, RequirementLevel.Recommended, 5 * GiB),
        new ServiceShape(Replicas: 2, HostPort: 8082, AdminPort: 9082, MemoryLimitBytes: 1 * GiB, Cpus: 1, AcceleratorChoice.Auto),
        RolloutStrategy.Rolling,
        new ServiceLevelObjectives(P95: TimeSpan.FromMilliseconds(250), P99: TimeSpan.FromMilliseconds(500), MaxErrorRate: 0.005, MinThroughput: 40),
        new LoadProfile(RequestsPerSecond: 50, Duration: TimeSpan.FromSeconds(20), Warmup: TimeSpan.FromSeconds(3), MaxConnections: 32));

    /// <summary>The real thing: containers, a GPU and a full security scan, no fallbacks.</summary>
    public static readonly DeploymentEnvironment Production = new(
        "production",
        new EnvironmentRequirements(RequirementLevel.Required, RequirementLevel.Required, RequirementLevel.Required, 10 * GiB),
        new ServiceShape(Replicas: 3, HostPort: 8083, AdminPort: 9083, MemoryLimitBytes: 2 * GiB, Cpus: 2, AcceleratorChoice.Cuda),
        RolloutStrategy.BlueGreen,
        new ServiceLevelObjectives(P95: TimeSpan.FromMilliseconds(100), P99: TimeSpan.FromMilliseconds(250), MaxErrorRate: 0.001, MinThroughput: 100),
        new LoadProfile(RequestsPerSecond: 120, Duration: TimeSpan.FromSeconds(30), Warmup: TimeSpan.FromSeconds(5), MaxConnections: 64));

    private DeploymentEnvironment(
        string name, EnvironmentRequirements requirements, ServiceShape service, RolloutStrategy strategy,
        ServiceLevelObjectives objectives, LoadProfile load)
    {
        Name = name;
        Requirements = requirements;
        Service = service;
        Strategy = strategy;
        Objectives = objectives;
        Load = load;
    }

    /// <summary>Every environment, in promotion order.</summary>
    public static IReadOnlyList<DeploymentEnvironment> All { get; } = [Development, Staging, Production];

    /// <summary>Lower-case name used on the command line, in labels and in the model registry.</summary>
    public string Name { get; }

    /// <summary>What a machine needs to deploy here.</summary>
    public EnvironmentRequirements Requirements { get; }

    /// <summary>How the service runs here.</summary>
    public ServiceShape Service { get; }

    /// <summary>How stage 8 replaces the running release.</summary>
    public RolloutStrategy Strategy { get; }

    /// <summary>Latency, error and throughput objectives (stage 6's gates, stage 8's analysis).</summary>
    public ServiceLevelObjectives Objectives { get; }

    /// <summary>The load stage 6 runs against this environment's shape.</summary>
    public LoadProfile Load { get; }

    /// <summary>What a model version must satisfy to serve here (minimum accuracy, prerequisite environment, approval).</summary>
    public EnvironmentPolicy ModelPolicy => EnvironmentPolicies.For(Name);

    /// <summary>The environment a release must have passed before this one, or null.</summary>
    public DeploymentEnvironment? Prerequisite => ModelPolicy.Prerequisite is { } name ? Parse(name) : null;

    /// <summary>Finds an environment by name (case-insensitive); throws with the accepted names otherwise.</summary>
    public static DeploymentEnvironment Parse(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown environment '{name}'; accepted: {string.Join(", ", All.Select(e => e.Name))}", nameof(name));

    /// <inheritdoc />
    public override string ToString() => Name;
}
