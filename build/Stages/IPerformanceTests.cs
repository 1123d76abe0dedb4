using Spatial.Build;

/// <summary>Stage 6: load against the tested environment, gated by SLOs.</summary>
interface IPerformanceTests : ITestEnvironments
{
    Target PerformanceTests => _ => _
        .Description("Stage 6: load test the environment (open and closed model), SLO gates on latency and errors, report")
        .DependsOn(TestEnvironments)
        .Executes(() => Stage.NotImplementedYet(6, "PerformanceTests"));
}
