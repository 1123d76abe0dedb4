using Spatial.Build;

/// <summary>
/// The Spatial pipeline. This file is the table of contents: each stage is a component under Stages/,
/// the .NET basics are components under Components/, CI attributes live in Build.CI.GitHubActions.cs.
/// The target graph is not drawn here, so it cannot go stale: <c>./build.sh --help</c> lists every target
/// with its direct dependencies, and <c>./build.sh --plan Deploy</c> prints the order and draws the graph
/// into .nuke/temp/execution-plan.html.
/// </summary>
partial class Build : NukeBuild,
    IRestore, ICompile, ITest, IPublish,
    IValidateEnvironment,
    ISpatialTests,
    IValidateModels,
    ITrainModel,
    IDockerBuild,
    ITestEnvironments,
    IPerformanceTests,
    ISecurityScan,
    IDeploy
{
    public static int Main() => Execute<Build>(x => ((IDeploy)x).Deploy);
}
