using Spatial.Deployment.Docker;

namespace Spatial.Deployment.Tests.Docker;

public class DockerEngineConnectionTests
{
    [Test]
    public void Unreachable_engine_fails_in_one_line_that_says_how_to_start_it()
    {
        var endpoint = new Uri($"unix:///tmp/spatial-no-engine-{Guid.NewGuid():N}.sock");

        var error = Assert.ThrowsAsync<DockerEngineUnreachableException>(() =>
            DockerEngine.ConnectAsync(new DockerEngineOptions(endpoint, TimeSpan.FromSeconds(5))));

        Assert.That(error!.Message, Is.EqualTo(
            $"Docker engine is not reachable at {endpoint}: start it with `sudo dockerd &` or `sudo systemctl start docker`"));
        Assert.That(error.Message, Does.Not.Contain("\n"));
        Assert.That(error.InnerException, Is.Not.Null, "the cause stays available for --verbosity verbose");
    }

    [Test]
    public void Unreachable_remote_engine_points_at_the_host()
    {
        var endpoint = new Uri("tcp://127.0.0.1:1");
        var error = Assert.ThrowsAsync<DockerEngineUnreachableException>(() =>
            DockerEngine.ConnectAsync(new DockerEngineOptions(endpoint, TimeSpan.FromSeconds(5))));
        Assert.That(error!.Message, Does.StartWith("Docker engine is not reachable at tcp://127.0.0.1:1/").And.Contain("--docker-host"));
    }

    [Test]
    public void Run_ids_that_would_break_label_filters_are_refused() =>
        Assert.That(() => new DockerRun("a,b=c"), Throws.ArgumentException.With.Message.Contains("a,b=c"));
}
