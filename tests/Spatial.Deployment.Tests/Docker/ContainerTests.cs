using Spatial.Deployment.Docker;

namespace Spatial.Deployment.Tests.Docker;

[Category("Docker")]
public class ContainerTests
{
    private readonly DockerRun _run = DockerRun.New();

    [OneTimeTearDown]
    public async Task RemoveEverythingOfThisRun()
    {
        if (TestDocker.Connected is { } engine)
            await engine.Cleanup.RemoveRunAsync(_run);
    }

    [Test]
    public async Task Container_starts_on_a_loopback_port_becomes_healthy_and_runs_as_non_root()
    {
        var engine = await TestDocker.EngineAsync();
        var spec = new ContainerSpec(_run, await TestDocker.WebImageAsync())
        {
            PublishedPorts = [8080],
            MemoryLimitBytes = 64L << 20,
            ReadOnlyRootFilesystem = true,
            Tmpfs = new Dictionary<string, string> { ["/tmp"] = "size=16m" },
            Labels = new Dictionary<string, string> { ["org.spatial.test"] = "web" },
        };

        await using var container = await engine.Containers.StartAsync(spec);
        await container.WaitUntilReadyAsync(WaitFor.DockerHealthy(), TimeSpan.FromSeconds(30));
        await container.WaitUntilReadyAsync(WaitFor.Http(8080, "/ready"), TimeSpan.FromSeconds(5));
        await container.WaitUntilReadyAsync(WaitFor.LogLine(@"^uid=\d+"), TimeSpan.FromSeconds(5));

        var details = await container.InspectAsync();
        var uids = await container.GetProcessUidsAsync();
        var logs = await container.GetLogsAsync();
        using var http = new HttpClient { BaseAddress = container.GetBaseAddress(8080) };
        Assert.Multiple(async () =>
        {
            Assert.That(details.HealthStatus, Is.EqualTo("healthy"));
            Assert.That(logs, Does.Contain("uid=1654"), "the process runs as the image's non-root user");
            Assert.That(details.User, Is.EqualTo("1654:1654"));
            Assert.That(uids, Is.Not.Empty.And.All.EqualTo(1654), "every process in the container, seen from the host");
            Assert.That(details.MemoryLimitBytes, Is.EqualTo(64L << 20));
            Assert.That(details.ReadOnlyRootFilesystem, Is.True);
            Assert.That(details.Labels[DockerLabels.Run], Is.EqualTo(_run.Id));
            Assert.That(details.Labels["org.spatial.test"], Is.EqualTo("web"));
            Assert.That(container.GetBaseAddress(8080).Host, Is.EqualTo("127.0.0.1"));
            Assert.That(container.GetHostPort(8080), Is.Not.EqualTo(8080).And.GreaterThan(1024), "a random free host port");
            Assert.That(await http.GetStringAsync("index.html"), Does.Contain("spatial test"));
            Assert.That((int)(await http.GetAsync("secret.txt")).StatusCode, Is.EqualTo(404), ".dockerignore kept it out of the build context");
        });
    }

    [Test]
    public async Task Container_that_exits_early_fails_the_wait_with_its_logs()
    {
        var engine = await TestDocker.EngineAsync();
        var spec = new ContainerSpec(_run, await TestDocker.WebImageAsync())
        {
            Command = ["echo 'loading model'; echo 'fatal: models/registry.json not found' >&2; exit 3"],
        };

        await using var container = await engine.Containers.StartAsync(spec);
        var error = Assert.ThrowsAsync<ContainerNotReadyException>(() => container.WaitUntilReadyAsync(WaitFor.DockerHealthy(), TimeSpan.FromSeconds(30)));

        Assert.That(error!.Message, Does.Contain("exit code 3"));
        Assert.That(error.Logs, Does.Contain("loading model").And.Contain("fatal: models/registry.json not found"), "stdout and stderr both captured");
    }

    [Test]
    public async Task Wait_that_never_succeeds_times_out_with_what_it_last_saw()
    {
        var engine = await TestDocker.EngineAsync();
        await using var container = await engine.Containers.StartAsync(new ContainerSpec(_run, await TestDocker.WebImageAsync()) { PublishedPorts = [8080] });

        var error = Assert.ThrowsAsync<ContainerNotReadyException>(() =>
            container.WaitUntilReadyAsync(WaitFor.Http(8080, "/does-not-exist"), TimeSpan.FromSeconds(2)));

        Assert.That(error!.Message, Does.Contain("was not ready within 2 s").And.Contain("HTTP 404"));
        Assert.That(error.Logs, Does.Contain("uid=1654"));
    }

    [Test]
    public async Task Container_over_its_memory_limit_is_reported_as_killed()
    {
        var engine = await TestDocker.EngineAsync();
        var spec = new ContainerSpec(_run, await TestDocker.WebImageAsync())
        {
            MemoryLimitBytes = 8L << 20,
            // The shell grows a variable until the kernel's OOM killer ends it.
            Command = ["x=0123456789abcdef; while true; do x=$x$x; done"],
        };

        await using var container = await engine.Containers.StartAsync(spec);
        // A log wait that never matches: the health probe, which the OOM killer may hit first, plays no part.
        var error = Assert.ThrowsAsync<ContainerNotReadyException>(() => container.WaitUntilReadyAsync(WaitFor.LogLine("^never$"), TimeSpan.FromSeconds(30)));

        Assert.That(error!.Message, Does.Contain("exceeding its memory limit of 8 MiB"));
    }
}
