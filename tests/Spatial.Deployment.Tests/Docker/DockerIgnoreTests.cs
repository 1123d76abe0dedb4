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
    // The engine passes a set to its regular expression as written: '!' is a member, '^' negates.
    [TestCase("[!ab].txt", "b.txt", true)]
    [TestCase("[!ab].txt", "c.txt", false)]
    [TestCase("[^ab].txt", "c.txt", true)]
    [TestCase("[^ab].txt", "b.txt", false)]
    // Docker's documented examples (docs.docker.com, "Dockerignore files").
    [TestCase("*/temp*", "somedir/temporary.txt", true)]
    [TestCase("*/temp*", "somedir/temp", true)]
    [TestCase("*/temp*", "temp", false)]
    [TestCase("*/*/temp*", "somedir/subdir/temporary.txt", true)]
    [TestCase("temp?", "tempa", true)]
    [TestCase("temp?", "tempab", false)]
    [TestCase("**/*.go", "main.go", true)]
    [TestCase("**/*.go", "cmd/tool/main.go", true)]
    [TestCase("/foo/bar", "foo/bar", true)]
    [TestCase("foo/../bar", "bar", true)]
    // Cleaning as Go's filepath.Clean: a leading ".." stays, so it matches nothing inside the context.
    [TestCase("../x", "x", false)]
    [TestCase("/../x", "x", true)]
    [TestCase("a//b/./c", "a/b/c", true)]
    // A backslash escapes; it is never a path separator.
    [TestCase("a\\*b", "a*b", true)]
    [TestCase("a\\*b", "axb", false)]
    [TestCase("a\\-b", "a-b", true)]
    // The engine's shortcuts: a leading ** with a literal rest is a suffix test, a trailing ** a prefix test.
    [TestCase("**foo", "xfoo", true)]
    [TestCase("**/foo", "foo", true)]
    [TestCase("**/foo", "a/b/foo", true)]
    [TestCase("abc**", "abcdef/g", true)]
    [TestCase("a(b", "a(b", true)]
    [TestCase("a+b", "aab", false)]
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
    public void A_comment_is_a_line_whose_first_character_is_a_hash()
    {
        var ignore = DockerIgnore.Parse("# a comment\n   #x\n");
        Assert.Multiple(() =>
        {
            Assert.That(ignore.IsExcluded("#x"), Is.True, "'   #x' is the pattern '#x'");
            Assert.That(ignore.IsExcluded("# a comment"), Is.False);
        });
    }

    [TestCase("!")]
    [TestCase("trailing\\")]
    public void Patterns_the_engine_refuses_are_a_clear_error(string line) =>
        Assert.That(() => DockerIgnore.Parse(line), Throws.TypeOf<FormatException>());

    [TestCase("models/registry.json.lock")]
    [TestCase("models/registry.json.tmp-0123456789abcdef")]
    [TestCase("models/.import-4242-0123456789abcdef/manifest.json")]
    [TestCase("models/.env")]
    [TestCase("docker/service/.env")]
    [TestCase("models/pizza-doneness/key.pem")]
    [TestCase("docker/service/tls/server.pem")]
    public void The_repository_dockerignore_leaves_out_generated_and_secret_looking_files(string path) =>
        Assert.That(DockerIgnore.Load(RepositoryRoot()).IsExcluded(path), Is.True, path);

    [TestCase("models/registry.json")]
    [TestCase("models/pizza-doneness/1.0.0/weights.safetensors")]
    [TestCase("docker/service/Dockerfile")]
    public void The_repository_dockerignore_keeps_what_the_image_needs(string path) =>
        Assert.That(DockerIgnore.Load(RepositoryRoot()).IsExcluded(path), Is.False, path);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Spatial.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    }

    [Test]
    public void Unclosed_character_class_is_a_clear_error() =>
        Assert.That(() => DockerIgnore.Parse("file[ab.txt"), Throws.TypeOf<FormatException>().With.Message.Contains("file[ab.txt"));
}
