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

    [Test]
    public void Shapes_grow_from_development_to_production()
    {
        Assert.That(DeploymentEnvironment.All.Select(e => e.Service.Replicas), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(DeploymentEnvironment.All.Select(e => e.Strategy), Is.EqualTo(new[] { RolloutStrategy.Recreate, RolloutStrategy.Rolling, RolloutStrategy.BlueGreen }));
        Assert.That(DeploymentEnvironment.All.Select(e => e.Service.HostPort), Is.EqualTo(new[] { 8081, 8082, 8083 }));
        Assert.That(DeploymentEnvironment.All.Select(e => e.Service.AdminPort), Is.EqualTo(new[] { 9081, 9082, 9083 }));
    }

    [Test]
    public void Objectives_tighten_towards_production()
    {
        var objectives = DeploymentEnvironment.All.Select(e => e.Objectives).ToList();
        for (var i = 1; i < objectives.Count; i++)
        {
            Assert.That(objectives[i].P95, Is.LessThanOrEqualTo(objectives[i - 1].P95));
            Assert.That(objectives[i].P99, Is.LessThanOrEqualTo(objectives[i - 1].P99));
            Assert.That(objectives[i].MaxErrorRate, Is.LessThanOrEqualTo(objectives[i - 1].MaxErrorRate));
            Assert.That(objectives[i].MinThroughput, Is.GreaterThanOrEqualTo(objectives[i - 1].MinThroughput));
        }
        Assert.That(objectives.All(o => o.P95 < o.P99), Is.True);
    }

    [Test]
    public void Model_policy_and_prerequisites_come_from_the_registrys_policies()
    {
        Assert.That(DeploymentEnvironment.Staging.ModelPolicy.MinimumAccuracy, Is.EqualTo(0.95));
        Assert.That(DeploymentEnvironment.Development.Prerequisite, Is.Null);
        Assert.That(DeploymentEnvironment.Staging.Prerequisite, Is.SameAs(DeploymentEnvironment.Development));
        Assert.That(DeploymentEnvironment.Production.Prerequisite, Is.SameAs(DeploymentEnvironment.Staging));
    }
}
