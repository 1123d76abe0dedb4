using Spatial.Build;

/// <summary>Stage 7: vulnerabilities, misconfigurations and secrets in the image and the repository.</summary>
interface ISecurityScan : IDockerBuild
{
    Target SecurityScan => _ => _
        .Description("Stage 7: Trivy image, config and filesystem scans plus built-in checks; SARIF report; severity gate")
        .DependsOn(DockerBuild)
        .Executes(() => Stage.NotImplementedYet(7, "SecurityScan"));
}
