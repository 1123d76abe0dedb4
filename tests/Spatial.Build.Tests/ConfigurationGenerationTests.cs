using Spatial.Build;
using Spatial.Build.Generation;
using Spatial.Build.IO;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build;

public sealed class ConfigurationGenerationTests
{
    private BuildHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new BuildHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    /// <summary>A minimal generator: one line per target with its needs and artifacts, as a workflow generator would read them.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    private sealed class GraphListingAttribute(string id) : Attribute, IConfigurationGenerator
    {
        public string Id => id;

        public AbsolutePath GetOutputPath(AbsolutePath rootDirectory) => rootDirectory / "ci" / $"{id}.txt";

        public string Generate(ConfigurationContext context) => string.Join('\n', context.Targets.Select(target =>
            $"{target.Name} needs [{string.Join(",", target.ExecutionDependencies.Select(x => x.Name))}]" +
            $" produces [{string.Join(",", target.Produces)}]" +
            $" consumes [{string.Join(",", target.Consumes.Select(x => $"{x.Producer.Name}:{string.Join("|", x.Artifacts)}"))}]")) + "\n";
    }

    [GraphListing("pipeline")]
    private sealed class GeneratedBuild : NukeBuild
    {
        public IReadOnlyList<Spatial.Build.Generation.ConfigurationDrift>? Drift { get; private set; }

        public Target Publish => _ => _.Produces("artifacts/publish/**");
        public Target Image => _ => _.DependsOn(Publish).Consumes(Publish, "artifacts/publish/service.dll").Produces("artifacts/image.tar");
        public Target Scan => _ => _.DependsOn(Image).Consumes(Image);
        public Target CheckDrift => _ => _.Executes(() => Drift = ConfigurationGeneration.FindDrift(this, ConfigurationGeneration.AllTargets(this)));
    }

    [Test]
    public void Generate_configuration_writes_the_file_from_the_target_graph()
    {
        var result = _harness.Run(new GeneratedBuild(), "--generate-configuration", "pipeline");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var text = (_harness.Root / "ci" / "pipeline.txt").ReadAllText();
        Assert.That(text, Does.Contain("Image needs [Publish] produces [artifacts/image.tar] consumes [Publish:artifacts/publish/service.dll]"));
        Assert.That(text, Does.Contain("Scan needs [Image] produces [] consumes [Image:]"));
    }

    [Test]
    public void Unknown_generator_id_fails_listing_the_known_ones()
    {
        var result = _harness.Run(new GeneratedBuild(), "--generate-configuration", "nightly");
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Output, Does.Contain("No configuration generator 'nightly'. Known: pipeline"));
    }

    [Test]
    public void Drift_check_reports_missing_and_hand_edited_files()
    {
        var missing = new GeneratedBuild();
        _harness.Run(missing, "CheckDrift");
        Assert.That(missing.Drift!.Single().Missing, Is.True);

        _harness.Run(new GeneratedBuild(), "--generate-configuration");
        var clean = new GeneratedBuild();
        _harness.Run(clean, "CheckDrift");
        Assert.That(clean.Drift, Is.Empty);

        (_harness.Root / "ci" / "pipeline.txt").WriteAllText("edited by hand\n");
        var edited = new GeneratedBuild();
        _harness.Run(edited, "CheckDrift");
        Assert.That(edited.Drift!.Single(), Has.Property("GeneratorId").EqualTo("pipeline").And.Property("Missing").False);
    }
}
