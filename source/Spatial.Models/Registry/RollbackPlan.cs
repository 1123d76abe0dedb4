namespace Spatial.Models.Registry;

/// <summary>How to return an environment to its previous known-good version, derived from its promotion history.</summary>
public sealed record RollbackPlan(string Model, string Environment, string CurrentVersion, string TargetVersion, DateTimeOffset TargetServedSince, IReadOnlyList<string> Steps);
