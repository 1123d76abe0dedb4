namespace Spatial.Deployment.Rollouts;

/// <summary>One verification step of a rollout: what was measured against what was allowed.</summary>
/// <param name="Name">e.g. <c>p95 latency</c>, <c>golden images</c>, <c>replica green-2 ready</c>.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Measured">What was seen.</param>
/// <param name="Allowed">The bound it was held to.</param>
public sealed record AnalysisCheck(string Name, bool Passed, string Measured, string Allowed)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Measured} (allowed {Allowed}){(Passed ? "" : " FAILED")}";
}
