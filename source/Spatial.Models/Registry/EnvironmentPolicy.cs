namespace Spatial.Models.Registry;

/// <summary>What an environment demands of a model version before it may serve there.</summary>
/// <param name="Environment">Environment name.</param>
/// <param name="MinimumAccuracy">Lowest accuracy on the generated validation set.</param>
/// <param name="Prerequisite">Environment the version must have been promoted to first, or null.</param>
/// <param name="MajorBumpNeedsApproval">Whether a major-version bump over what the environment runs needs explicit approval.</param>
public sealed record EnvironmentPolicy(string Environment, double MinimumAccuracy, string? Prerequisite, bool MajorBumpNeedsApproval);

/// <summary>The environment policies: the one place they are defined.</summary>
public static class EnvironmentPolicies
{
    /// <summary>Development, staging and production, in promotion order.</summary>
    public static IReadOnlyList<EnvironmentPolicy> All { get; } =
    [
        new("development", MinimumAccuracy: 0.90, Prerequisite: null, MajorBumpNeedsApproval: false),
        new("staging", MinimumAccuracy: 0.95, Prerequisite: "development", MajorBumpNeedsApproval: true),
        new("production", MinimumAccuracy: 0.95, Prerequisite: "staging", MajorBumpNeedsApproval: true),
    ];

    /// <summary>The policy of <paramref name="environment"/>; throws <see cref="ArgumentException"/> naming the known ones.</summary>
    public static EnvironmentPolicy For(string environment) =>
        All.FirstOrDefault(p => p.Environment == environment)
        ?? throw new ArgumentException($"unknown environment '{environment}' (known: {string.Join(", ", All.Select(p => p.Environment))})", nameof(environment));
}
