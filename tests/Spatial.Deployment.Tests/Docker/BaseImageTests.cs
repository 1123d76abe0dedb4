using Spatial.Deployment.Docker;
using Spatial.Deployment.Images;

namespace Spatial.Deployment.Tests.Docker;

[Category("Docker")]
public class BaseImageTests
{
    [Test]
    public async Task Base_image_is_built_once_per_recipe_then_found_by_its_hash()
    {
        var engine = await TestDocker.EngineAsync();
        var options = TestDocker.ServiceBaseOptions(TestDocker.CacheRun);

        var first = await DebianBaseImage.EnsureAsync(engine, options, TestContext.Progress.WriteLine);
        var second = await DebianBaseImage.EnsureAsync(engine, options);

        Assert.That(second.Cached, Is.True, "the second call finds the image by its recipe hash");
        Assert.That(second.Id, Is.EqualTo(first.Id));
        Assert.That(second.Tag, Is.EqualTo(DebianBaseImage.TagFor(options)));

        var image = await engine.Images.InspectAsync(second.Tag);
        Assert.That(image, Is.Not.Null);
        Assert.That(image!.User, Is.EqualTo("1654:1654"), "non-root, same uid as the official runtime-deps image");
        Assert.That(image.Labels[DockerLabels.BaseRecipeHash], Is.EqualTo(second.RecipeHash));
        // Built by this run, or found from whichever run (a pipeline's, an earlier test run's) assembled the same recipe.
        Assert.That(image.Labels[DockerLabels.Run], first.Cached ? Is.Not.Empty : Is.EqualTo(TestDocker.CacheRun.Id));
        Assert.That(image.SizeBytes, Is.InRange(5_000_000, 60_000_000), "libc, libstdc++, libssl, tzdata, certificates: no ICU, no shell");
    }
}
