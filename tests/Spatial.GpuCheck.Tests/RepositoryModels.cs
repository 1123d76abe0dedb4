namespace Spatial.GpuCheck.Tests;

/// <summary>The repository's models folder, found from the test's output folder.</summary>
internal static class RepositoryModels
{
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Spatial.sln")))
                    return Path.Combine(directory.FullName, "models");
            }
            throw new InvalidOperationException($"no Spatial.sln at or above {TestContext.CurrentContext.TestDirectory}");
        }
    }
}
