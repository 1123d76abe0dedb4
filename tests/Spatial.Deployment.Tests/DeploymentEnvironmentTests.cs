using Spatial.Deployment.Environments;

namespace Spatial.Deployment.Tests;

public class DeploymentEnvironmentTests
{
    [TestCase("staging")]
    [TestCase("STAGING")]
    public void Parses_names_case_insensitively(string name) =>
        Assert.That(DeploymentEnvironment.Parse(name), Is.SameAs(DeploymentEnvironment.Staging));

    [Test]
    public void An_unknown_name_lists_the_accepted_ones() =>
        Assert.That(() => DeploymentEnvironment.Parse("nope"),
            Throws.ArgumentException.With.Message.Contains("development, staging, production"));

    [Test]
    public void Production_demands_at_least_what_staging_does()
    {
        var staging = DeploymentEnvironment.Staging.Requirements;
        var production = DeploymentEnvironment.Production.Requirements;
        Assert.That(production.DockerEngine, Is.GreaterThanOrEqualTo(staging.DockerEngine));
        Assert.That(production.CudaDevice, Is.GreaterThanOrEqualTo(staging.CudaDevice));
        Assert.That(production.Trivy, Is.GreaterThanOrEqualTo(staging.Trivy));
        Assert.That(production.MinimumFreeDiskBytes, Is.GreaterThanOrEqualTo(staging.MinimumFreeDiskBytes));
    }
}
