using Spatial.Build;

/// <summary>
/// The Spatial pipeline. This file is the table of contents: each stage is a component under Stages/,
/// the .NET basics are components under Components/, CI attributes live in Build.CI.GitHubActions.cs.
/// <code>
/// Restore -> Compile -> Test, Publish
/// ValidateEnvironment                                   stage 1
/// SpatialTests      &lt;- Compile, ValidateEnvironment     stage 2
/// ValidateModels    &lt;- Compile                          stage 3
/// DockerBuild       &lt;- SpatialTests, ValidateModels, Publish   stage 4
/// TestEnvironments  &lt;- DockerBuild                      stage 5
/// PerformanceTests  &lt;- TestEnvironments                 stage 6
/// SecurityScan      &lt;- DockerBuild                      stage 7
/// Deploy            &lt;- PerformanceTests, SecurityScan   stage 8
/// </code>
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
