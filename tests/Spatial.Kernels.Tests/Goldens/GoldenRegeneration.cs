namespace Spatial.Kernels.Tests.Goldens;

/// <summary>Run explicitly, only when the reference or the golden images change on purpose.</summary>
public sealed class GoldenRegeneration
{
    [Test]
    [Explicit("rewrites the committed goldens")]
    public void Regenerate_goldens() =>
        // The test runs from bin/<configuration>/<framework>; the goldens live in the project's source folder.
        GoldenSet.Regenerate(Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "Goldens")));
}
