using Spatial.Deployment.Docker;

namespace Spatial.Deployment.Tests.Docker;

public class DockerIgnoreTests
{
    [TestCase("bin", "bin", true)]
    [TestCase("bin", "bin/Release/app.dll", true)]
    [TestCase("bin", "source/bin/app.dll", false)]
    [TestCase("**/obj", "source/Spatial.Models/obj/project.assets.json", true)]
    [TestCase("**/obj", "obj/x", true)]
    [TestCase("*.md", "README.md", true)]
    [TestCase("*.md", "docs/docker.md", false)]
    [TestCase("docs/*.md", "docs/docker.md", true)]
    [TestCase("/artifacts/", "artifacts/service/app", true)]
    [TestCase("./models", "models/registry.json", true)]
    [TestCase("file?.txt", "file1.txt", true)]
    [TestCase("file?.txt", "file12.txt", false)]
    [TestCase("[ab].txt", "b.txt", true)]
    [TestCase("[!ab].txt", "b.txt", false)]
    [TestCase("source/**", "source/a/b/c.cs", true)]
    [TestCase("source/**/*.cs", "source/c.cs", true)]
    [TestCase("source/**/*.cs", "source/a/b/c.cs", true)]
    [TestCase("source/**/*.cs", "tests/a/c.cs", false)]
    public void Pattern_follows_the_engine(string pattern, string path, bool excluded) =>
        Assert.That(DockerIgnore.Parse(pattern).IsExcluded(path), Is.EqualTo(excluded), $"'{pattern}' on '{path}'");

    [Test]
    public void Last_matching_rule_wins()
    {
        var ignore = DockerIgnore.Parse("*.md\n!README.md\n# a comment\n\nREADME*\n");
        Assert.Multiple(() =>
        {
            Assert.That(ignore.IsExcluded("CHANGES.md"), Is.True);
            Assert.That(ignore.IsExcluded("README.md"), Is.True, "README* comes after !README.md");
            Assert.That(DockerIgnore.Parse("*.md\n!README.md").IsExcluded("README.md"), Is.False);
            Assert.That(ignore.IsExcluded("# a comment"), Is.False);
        });
    }

    [Test]
    public void Allow_list_reincludes_below_an_excluded_root()
    {
        var ignore = DockerIgnore.Parse("*\n!artifacts/service\n!docker/service/**\n");
        Assert.Multiple(() =>
        {
            Assert.That(ignore.IsExcluded("source/Spatial.Service/Program.cs"), Is.True);
            Assert.That(ignore.IsExcluded("artifacts/service/Spatial.Service.dll"), Is.False);
            Assert.That(ignore.IsExcluded("artifacts/other/x"), Is.True);
            Assert.That(ignore.IsExcluded("docker/service/Dockerfile"), Is.False);
            Assert.That(ignore.MayReincludeBelow("artifacts"), Is.True);
            Assert.That(ignore.MayReincludeBelow("source"), Is.False, "nothing under source/ can come back: the walk skips it");
        });
    }

    [Test]
    public void Unclosed_character_class_is_a_clear_error() =>
        Assert.That(() => DockerIgnore.Parse("file[ab.txt"), Throws.TypeOf<FormatException>().With.Message.Contains("file[ab.txt"));
}
