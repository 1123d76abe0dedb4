using Spatial.Deployment.Docker;
using Spatial.Deployment.Images;

namespace Spatial.Deployment.Tests.Docker;

public class PackageListTests
{
    [Test]
    public void Comments_and_blank_lines_do_not_count()
    {
        var plain = PackageList.Parse("libc6\nzlib1g\n");
        var commented = PackageList.Parse("# runtime\nlibc6   # C library\n\n  zlib1g\n");

        Assert.That(commented.Packages, Is.EqualTo(new[] { "libc6", "zlib1g" }));
        Assert.That(commented.Sha256(), Is.EqualTo(plain.Sha256()));
        Assert.That(PackageList.Parse("zlib1g\nlibc6\n").Sha256(), Is.Not.EqualTo(plain.Sha256()), "order is part of the recipe");
    }

    [TestCase("libc6\n--allow-unauthenticated\n", "--allow-unauthenticated")]
    [TestCase("libc6\nLibC6\n", "LibC6")]
    [TestCase("libc6\nlibc6\n", "listed twice")]
    [TestCase("# nothing\n", "names no package")]
    public void Bad_list_is_refused_with_the_line(string text, string expected) =>
        Assert.That(() => PackageList.Parse(text, "packages.txt"), Throws.TypeOf<FormatException>().With.Message.Contains(expected));

    [Test]
    public void Repository_list_is_valid_and_recipe_hash_follows_it()
    {
        var repositoryOptions = TestDocker.ServiceBaseOptions(new DockerRun("unit"));
        Assert.That(PackageList.Load(repositoryOptions.PackageListFile).Packages, Does.Contain("libc6").And.Contain("libstdc++6"));

        var recipe = Directory.CreateTempSubdirectory("spatial-recipe-").FullName;
        try
        {
            File.Copy(repositoryOptions.DockerfileFile, Path.Combine(recipe, "Dockerfile"));
            File.Copy(repositoryOptions.PackageListFile, Path.Combine(recipe, "packages.txt"));
            var copy = repositoryOptions with { RecipeDirectory = recipe };
            Assert.That(DebianBaseImage.RecipeHash(copy), Is.EqualTo(DebianBaseImage.RecipeHash(repositoryOptions)));

            File.AppendAllText(Path.Combine(recipe, "packages.txt"), "# a comment changes nothing\n");
            Assert.That(DebianBaseImage.TagFor(copy), Is.EqualTo(DebianBaseImage.TagFor(repositoryOptions)));

            File.AppendAllText(Path.Combine(recipe, "packages.txt"), "libicu72\n");
            Assert.That(DebianBaseImage.TagFor(copy), Is.Not.EqualTo(DebianBaseImage.TagFor(repositoryOptions)));
            Assert.That(DebianBaseImage.TagFor(copy), Does.Match("^spatial/base:[0-9a-f]{12}$"));
        }
        finally
        {
            Directory.Delete(recipe, recursive: true);
        }
    }
}
