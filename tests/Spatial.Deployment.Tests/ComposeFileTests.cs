using Spatial.Deployment.Compose;
using Spatial.Deployment.Environments;

namespace Spatial.Deployment.Tests;

public class ComposeFileTests
{
    private static string Render() => ComposeFile.Render(DeploymentEnvironment.All, "spatial/classifier", ["generated", "", "do not edit"]);

    [Test]
    public void Publishes_each_environment_on_its_own_loopback_port_only()
    {
        var text = Render();
        foreach (var environment in DeploymentEnvironment.All)
            Assert.That(text, Does.Contain($"\"127.0.0.1:{environment.Service.HostPort}:8080\""), environment.Name);
        Assert.That(text.Split('\n').Where(l => l.TrimStart().StartsWith("- \"", StringComparison.Ordinal)).All(l => l.Contains("127.0.0.1:", StringComparison.Ordinal)), Is.True);
        Assert.That(DeploymentEnvironment.All.Select(e => e.Service.HostPort).Distinct().Count(), Is.EqualTo(DeploymentEnvironment.All.Count));
    }

    [Test]
    public void Refuses_to_start_without_an_image_tag_and_keeps_the_header_as_comments()
    {
        var lines = Render().Split('\n');
        Assert.That(lines.Take(3), Is.EqualTo(new[] { "# generated", "#", "# do not edit" }));
        Assert.That(Render(), Does.Contain("${SPATIAL_IMAGE_TAG:?"));
    }

    [Test]
    public void Is_deterministic() => Assert.That(Render(), Is.EqualTo(Render()));
}
