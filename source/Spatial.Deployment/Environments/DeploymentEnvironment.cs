namespace Spatial.Deployment.Environments;

/// <summary>
/// The environments Spatial deploys to, and each one's requirements: the one typed place these facts live.
/// An enumeration class: <c>--environment staging</c> binds to <see cref="Staging"/> by name.
/// </summary>
public sealed class DeploymentEnvironment
{
    private const long GiB = 1L << 30;

    /// <summary>A developer's machine: everything may fall back to embedded defaults.</summary>
    public static readonly DeploymentEnvironment Development = new(
        "development",
        new EnvironmentRequirements(RequirementLevel.Recommended, RequirementLevel.Optional, RequirementLevel.Optional, 2 * GiB),
        new ServiceShape(HostPort: 8081, MemoryLimitBytes: 1 * GiB));

    /// <summary>Production-shaped, but runs on any build box: Docker and Trivy are expected, not demanded.</summary>
    public static readonly DeploymentEnvironment Staging = new(
        "staging",
        new EnvironmentRequirements(RequirementLevel.Recommended, RequirementLevel.Optional, RequirementLevel.Recommended, 5 * GiB),
        new ServiceShape(HostPort: 8082, MemoryLimitBytes: 1 * GiB));

    /// <summary>The real thing: containers, a GPU and a full security scan, no fallbacks.</summary>
    public static readonly DeploymentEnvironment Production = new(
        "production",
        new EnvironmentRequirements(RequirementLevel.Required, RequirementLevel.Required, RequirementLevel.Required, 10 * GiB),
        new ServiceShape(HostPort: 8083, MemoryLimitBytes: 2 * GiB));

    private DeploymentEnvironment(string name, EnvironmentRequirements requirements, ServiceShape service)
    {
        Name = name;
        Requirements = requirements;
        Service = service;
    }

    /// <summary>Every environment, in promotion order.</summary>
    public static IReadOnlyList<DeploymentEnvironment> All { get; } = [Development, Staging, Production];

    /// <summary>Lower-case name used on the command line, in labels and in the model registry.</summary>
    public string Name { get; }

    /// <summary>What a machine needs to deploy here.</summary>
    public EnvironmentRequirements Requirements { get; }

    /// <summary>How the service runs here.</summary>
    public ServiceShape Service { get; }

    /// <summary>Finds an environment by name (case-insensitive); throws with the accepted names otherwise.</summary>
    public static DeploymentEnvironment Parse(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown environment '{name}'; accepted: {string.Join(", ", All.Select(e => e.Name))}", nameof(name));

    /// <inheritdoc />
    public override string ToString() => Name;
}
