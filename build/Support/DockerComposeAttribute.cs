using Spatial.Build.Generation;
using Spatial.Build.IO;
using Spatial.Deployment.Compose;
using Spatial.Deployment.Environments;
using Spatial.Deployment.Images;

/// <summary>
/// Generates the docker-compose file from the environment definitions, through the engine's configuration
/// generation: <c>--generate-configuration DockerCompose</c> rewrites it, every build checks it for drift.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
sealed class DockerComposeAttribute(string path) : Attribute, IConfigurationGenerator
{
    public string Id => "DockerCompose";

    public AbsolutePath GetOutputPath(AbsolutePath rootDirectory) => rootDirectory / path;

    public string Generate(ConfigurationContext context) => ComposeFile.Render(
        DeploymentEnvironment.All,
        ServiceImageOptions.DefaultRepository,
        [
            "Generated from source/Spatial.Deployment/Environments by the build: do not edit.",
            $"Regenerate with ./build.sh --generate-configuration {Id}",
            "",
            "Every environment's service side by side on this machine's loopback interface:",
            $"  {ComposeFile.ImageTagVariable}=<tag from ./build.sh DockerBuild> docker-compose up -d",
        ]);
}
