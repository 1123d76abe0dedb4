namespace Spatial.Deployment.Checks;

/// <summary>One check of a suite run against a deployment.</summary>
/// <param name="Suite">endpoints or classification.</param>
/// <param name="Name">What was checked, e.g. <c>GET /health/ready</c>.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Detail">What was seen (expected vs got on failure).</param>
public sealed record SuiteCheck(string Suite, string Name, bool Passed, string Detail);
