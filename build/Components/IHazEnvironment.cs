using Spatial.Build;
using Spatial.Deployment.Environments;

/// <summary>The environment the run validates for and deploys to.</summary>
interface IHazEnvironment : INukeBuild
{
    [Parameter("Target environment: development, staging or production (default: development)")]
    DeploymentEnvironment Environment => TryGetValue(() => Environment) ?? DeploymentEnvironment.Development;
}
