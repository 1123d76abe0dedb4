using Spatial.Build;
using Spatial.Deployment.Environments;

/// <summary>The environment the run validates for and deploys to.</summary>
interface IHazEnvironment : INukeBuild
{
    [Parameter("Environment to validate for and deploy to")]
    DeploymentEnvironment Environment => TryGetValue(() => Environment) ?? DeploymentEnvironment.Development;
}
