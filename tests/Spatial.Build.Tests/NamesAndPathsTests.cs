using Spatial.Build;
using Spatial.Build.IO;
using Spatial.Build.Parameters;

namespace Spatial.Tests.Build;

public sealed class NamesAndPathsTests
{
    [TestCase("ModelVersion", "model-version")]
    [TestCase("NuGetApiKey", "nuget-api-key")]
    [TestCase("GitHubToken", "github-token")]
    [TestCase("DotNetVerbosity", "dotnet-verbosity")]
    [TestCase("URLPath", "url-path")]
    [TestCase("Replicas", "replicas")]
    [TestCase("MaxGpu2Memory", "max-gpu2-memory")]
    public void Parameter_names_split_on_camel_humps_keeping_compound_words(string member, string dashed) =>
        Assert.That(ParameterNames.ToDashed(member), Is.EqualTo(dashed));

    [Test]
    public void Paths_combine_normalise_and_expose_their_parts()
    {
        var root = AbsolutePath.Create("/repo");
        var file = root / "src" / "../models" / "v1/weights.safetensors";
        Assert.That((string)file, Is.EqualTo("/repo/models/v1/weights.safetensors"));
        Assert.That(file.Name, Is.EqualTo("weights.safetensors"));
        Assert.That(file.Extension, Is.EqualTo(".safetensors"));
        Assert.That(file.Parent, Is.EqualTo(root / "models" / "v1"));
        Assert.That(file.IsDescendantOf(root), Is.True);
        Assert.That(file.GetRelativePathFrom(root), Is.EqualTo("models/v1/weights.safetensors"));
    }

    [Test]
    public void Relative_paths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => AbsolutePath.Create("relative/path"));
        Assert.Throws<ArgumentException>(() => _ = AbsolutePath.Create("/repo") / "/etc");
    }

    [Test]
    public void Path_file_operations_create_parents()
    {
        var root = AbsolutePath.Create(Directory.CreateTempSubdirectory("spatial-path-").FullName);
        try
        {
            var file = (root / "a" / "b" / "note.txt").WriteAllText("hello");
            Assert.That(file.ReadAllText(), Is.EqualTo("hello"));
            Assert.That((root / "a").GetFiles("*.txt", recursive: true), Is.EqualTo(new[] { file }));
            (root / "a").CreateOrCleanDirectory();
            Assert.That(file.Exists(), Is.False);
        }
        finally
        {
            root.DeleteDirectory();
        }
    }

    [Test]
    public void Log_templates_fill_holes_in_order_and_keep_escaped_braces()
    {
        Assert.That(Log.Render("Built {Project} in {Seconds}s {{literal}}", ["api", 1.5]), Is.EqualTo("Built api in 1.5s {literal}"));
        Assert.That(Log.Render("No args {Here}", []), Is.EqualTo("No args {Here}"));
    }

    [Test]
    public void Log_templates_apply_format_and_alignment_specifiers_invariantly()
    {
        Assert.That(Log.Render("ratio {Ratio:0.00}", [0.123456]), Is.EqualTo("ratio 0.12"));
        Assert.That(Log.Render("[{Name,6}] [{Count,-3}] {When:yyyy-MM-dd}", ["api", 7, new DateTime(2026, 3, 4)]), Is.EqualTo("[   api] [7  ] 2026-03-04"));
        Assert.That(Log.Render("{@Thing} {$Other}", ["a", "b"]), Is.EqualTo("a b"), "Serilog's capture prefixes are accepted");
    }

    [Test]
    public void Enumeration_equality_is_by_value()
    {
        Assert.That(Configuration.Release == new Configuration { Value = "release" }, Is.True);
        Assert.That((string)Configuration.Debug, Is.EqualTo("Debug"));
    }

    [Test]
    public void Assert_failures_are_build_failures()
    {
        var exception = Assert.Throws<BuildFailedException>(() => Spatial.Build.Assert.True(1 > 2));
        Assert.That(exception!.Message, Does.Contain("1 > 2"));
        Assert.Throws<BuildFailedException>(() => Spatial.Build.Assert.NotNull((string?)null));
    }
}
