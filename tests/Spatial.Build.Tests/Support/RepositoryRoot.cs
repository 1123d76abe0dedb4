using Spatial.Build.IO;

namespace Spatial.Tests.Build.Support;

/// <summary>The checkout the tests run from: the folder holding build.sh.</summary>
internal static class RepositoryRoot
{
    public static AbsolutePath Directory { get; } = Find();

    private static AbsolutePath Find()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "build.sh")) && File.Exists(Path.Combine(directory.FullName, "build.ps1")))
                return AbsolutePath.Create(directory.FullName);
        }

        throw new InvalidOperationException($"No build.sh at or above {TestContext.CurrentContext.TestDirectory}.");
    }
}
