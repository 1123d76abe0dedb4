using Spatial.Build;

/// <summary>Stage 4: the service image, built and proven in a container.</summary>
interface IDockerBuild : ISpatialTests, IValidateModels, IPublish
{
    Target DockerBuild => _ => _
        .Description("Stage 4: build the service image and test it in a container (health, classification, non-root, memory)")
        .DependsOn(SpatialTests, ValidateModels, Publish)
        .Executes(() => Stage.NotImplementedYet(4, "DockerBuild"));
}
