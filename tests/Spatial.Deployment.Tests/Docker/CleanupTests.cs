using Spatial.Deployment.Hosting;
using Spatial.Deployment.Docker;

namespace Spatial.Deployment.Tests.Docker;

[Category("Docker")]
public class CleanupTests
{
    [Test]
    public async Task Cleanup_by_run_label_removes_the_runs_containers_networks_and_images()
    {
        var engine = await TestDocker.EngineAsync();
        var run = DockerRun.New();
        var other = DockerRun.New();
        var image = await TestDocker.WebImageAsync();
        try
        {
            var network = await engine.Networks.CreateAsync(run, $"spatial-test-{run.Id}");
            var onNetwork = await engine.Containers.StartAsync(new ContainerSpec(run, image) { Network = network });
            var stopped = await engine.Containers.StartAsync(new ContainerSpec(run, image) { Command = ["exit 0"] });
            var survivor = await engine.Containers.StartAsync(new ContainerSpec(other, image));
            var runImage = await BuildImageOfRunAsync(engine, run, image);

            var report = await engine.Cleanup.RemoveRunAsync(run);

            Assert.That(report, Is.EqualTo(new CleanupReport(Containers: 2, Networks: 1, Images: 1)));
            Assert.That(await engine.Containers.InspectAsync(onNetwork.Id), Is.Null);
            Assert.That(await engine.Containers.InspectAsync(stopped.Id), Is.Null);
            Assert.That(await engine.Images.InspectAsync(runImage), Is.Null);
            Assert.That(await engine.Networks.RemoveAsync(network), Is.False, "already gone");
            Assert.That(await engine.Containers.InspectAsync(survivor.Id), Is.Not.Null, "another run's container is not touched");
            Assert.That(await engine.Images.InspectAsync(image), Is.Not.Null, "the image the run's containers used was not the run's");
            Assert.That((await engine.Cleanup.RemoveRunAsync(run)).Total, Is.Zero, "nothing is left");
        }
        finally
        {
            await engine.Cleanup.RemoveRunAsync(run);
            await engine.Cleanup.RemoveRunAsync(other);
        }
    }

    [Test]
    public async Task Leftovers_of_other_runs_are_removed_and_the_current_run_is_kept()
    {
        var engine = await TestDocker.EngineAsync();
        var crashed = DockerRun.New();
        var current = DockerRun.New();
        var image = await TestDocker.WebImageAsync();
        try
        {
            // A crashed run's owner is a process that no longer exists; a concurrent run's owner is alive (this one).
            var deadOwner = new Dictionary<string, string> { [HostLabels.Owner] = $"{Environment.MachineName}:999999999:1" };
            var leftover = await engine.Containers.StartAsync(new ContainerSpec(crashed, image) { Labels = deadOwner });
            var leftoverNetwork = await engine.Networks.EnsureAsync(crashed, $"spatial-test-{crashed.Id}", deadOwner);
            var concurrent = await engine.Containers.StartAsync(new ContainerSpec(DockerRun.New(), image));
            var persistent = await engine.Containers.StartAsync(new ContainerSpec(DockerRun.New(), image)
            {
                Labels = new Dictionary<string, string>(deadOwner) { [HostLabels.Persistent] = "true" },
            });
            var mine = await engine.Containers.StartAsync(new ContainerSpec(current, image));

            var report = await engine.Cleanup.RemoveLeftoversAsync(current);

            Assert.That(report.Containers, Is.GreaterThanOrEqualTo(1));
            Assert.That(report.Networks, Is.GreaterThanOrEqualTo(1));
            Assert.That(report.Images, Is.Zero, "labelled images are releases and caches, not leftovers");
            Assert.That(await engine.Containers.InspectAsync(leftover.Id), Is.Null);
            Assert.That(await engine.Networks.RemoveAsync(leftoverNetwork), Is.False);
            Assert.That((await engine.Containers.InspectAsync(mine.Id))?.Running, Is.True);
            Assert.That((await engine.Containers.InspectAsync(concurrent.Id))?.Running, Is.True, "a live run's container is not a leftover");
            Assert.That((await engine.Containers.InspectAsync(persistent.Id))?.Running, Is.True, "a persistent deployment is not a leftover");
            await concurrent.DisposeAsync();
            await persistent.DisposeAsync();
            Assert.That(await engine.Images.InspectAsync(image), Is.Not.Null);
        }
        finally
        {
            await engine.Cleanup.RemoveRunAsync(crashed);
            await engine.Cleanup.RemoveRunAsync(current);
        }
    }

    private static async Task<string> BuildImageOfRunAsync(DockerEngine engine, DockerRun run, string baseImage)
    {
        var context = Directory.CreateTempSubdirectory("spatial-run-image-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(context, "Dockerfile"), $"FROM {baseImage}\nLABEL org.spatial.test=cleanup\n");
            var tag = $"spatial/test-cleanup:{run.Id.ToLowerInvariant()}";
            var built = await engine.Images.BuildAsync(new ImageBuildRequest(run, context, [tag]));
            return built.Id;
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }
}
