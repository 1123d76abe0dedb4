using Spatial.Build;

/// <summary>Stage 8: roll the tested image out to the chosen environment, rolling back on failure.</summary>
interface IDeploy : IPerformanceTests, ISecurityScan
{
    Target Deploy => _ => _
        .Description("Stage 8: roll out to --environment with its strategy; automatic rollback when the rollout's checks fail")
        .DependsOn(PerformanceTests, SecurityScan)
        .Executes(() => Stage.NotImplementedYet(8, "Deploy"));
}
