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
    public void Writes_the_staging_service_with_its_port_limits_and_label()
    {
        // The literal block: staging's port, 1 GiB with no swap on top, one CPU, read-only root.
        const string staging = """
              classifier-staging:
                image: "spatial/classifier:${SPATIAL_IMAGE_TAG:?set SPATIAL_IMAGE_TAG to the tag DockerBuild printed}"
                ports:
                  - "127.0.0.1:8082:8080"
                mem_limit: 1073741824
                memswap_limit: 1073741824
                cpus: 1
                read_only: true
                tmpfs:
                  - /tmp
                restart: unless-stopped
                labels:
                  org.spatial.environment: "staging"

            """;
        Assert.That(Render().ReplaceLineEndings("\n"), Does.Contain(staging.ReplaceLineEndings("\n")));
    }
}
