using Spatial.Deployment.Docker;

namespace Spatial.Deployment.Tests.Docker;

[Category("Docker")]
public class ImageBuildTests
{
    private readonly DockerRun _run = DockerRun.New();
    private string _context = "";

    [SetUp]
    public void CreateContext() => _context = Directory.CreateTempSubdirectory("spatial-build-").FullName;

    [TearDown]
    public async Task RemoveContextAndImages()
    {
        Directory.Delete(_context, recursive: true);
        if (TestDocker.Connected is { } engine)
            await engine.Cleanup.RemoveRunAsync(_run);
    }

    [Test]
    public async Task Build_streams_output_labels_the_image_and_reports_its_size()
    {
        var engine = await TestDocker.EngineAsync();
        var baseImage = await TestDocker.WebImageAsync();
        File.WriteAllText(Path.Combine(_context, "Dockerfile"), "ARG BASE\nFROM ${BASE}\nARG FLAVOUR\nLABEL org.spatial.test.flavour=${FLAVOUR}\n");
        var lines = new List<string>();

        var built = await engine.Images.BuildAsync(new ImageBuildRequest(_run, _context, [$"spatial/test-build:{_run.Id.ToLowerInvariant()}"])
        {
            BuildArgs = new Dictionary<string, string> { ["BASE"] = baseImage, ["FLAVOUR"] = "plain" },
            Labels = new Dictionary<string, string> { [DockerLabels.Oci.Version] = "1.2.3" },
        }, lines.Add);

        var image = await engine.Images.InspectAsync(built.Id);
        Assert.That(lines, Has.Some.StartsWith("Step 1/"), "the engine's build output reached the callback line by line");
        Assert.That(image!.Labels[DockerLabels.Run], Is.EqualTo(_run.Id));
        Assert.That(image.Labels[DockerLabels.Oci.Version], Is.EqualTo("1.2.3"));
        Assert.That(image.Labels["org.spatial.test.flavour"], Is.EqualTo("plain"));
        Assert.That(image.Healthcheck, Is.Not.Empty, "inherited from the base");
        Assert.That(built.SizeBytes, Is.EqualTo(image.SizeBytes).And.GreaterThan(0));
    }

    [Test]
    public async Task Failing_build_throws_with_the_engines_message_and_output()
    {
        var engine = await TestDocker.EngineAsync();
        var baseImage = await TestDocker.WebImageAsync();
        File.WriteAllText(Path.Combine(_context, "Dockerfile"), $"FROM {baseImage}\nRUN [\"/bin/busybox\", \"sh\", \"-c\", \"echo compiling; exit 7\"]\n");

        var error = Assert.ThrowsAsync<DockerImageBuildException>(() =>
            engine.Images.BuildAsync(new ImageBuildRequest(_run, _context, [$"spatial/test-build:{_run.Id.ToLowerInvariant()}-broken"])));

        Assert.That(error!.Message, Does.Contain("failed").And.Contain("7"));
        Assert.That(error.Output, Does.Contain("compiling"));
    }

    [Test]
    public async Task Missing_dockerfile_is_a_clear_error()
    {
        var engine = await TestDocker.EngineAsync();
        Assert.That(() => engine.Images.BuildAsync(new ImageBuildRequest(_run, _context, ["spatial/test-build:none"])),
            Throws.TypeOf<FileNotFoundException>().With.Message.Contains("Dockerfile"));
    }
}
