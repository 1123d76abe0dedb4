using Spatial.Build;

/// <summary>Stage 5: dev-, staging- and production-shaped deployments side by side, each tested end to end.</summary>
interface ITestEnvironments : IDockerBuild
{
    Target TestEnvironments => _ => _
        .Description("Stage 5: deploy development, staging and production shapes side by side; endpoint and classification suites")
        .DependsOn(DockerBuild)
        .Executes(() => Stage.NotImplementedYet(5, "TestEnvironments"));
}
