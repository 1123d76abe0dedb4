namespace Spatial.Service.Tests.Support;

/// <summary>The reference model version the repository ships, for tests that run the executable on a real model.</summary>
internal static class ShippedModel
{
    /// <summary>The package directory of the shipped version (models/pizza-doneness/1.0.0 under the repository root).</summary>
    public static string PackageDirectory { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Spatial.sln")))
                return Path.Combine(directory.FullName, "models", "pizza-doneness", "1.0.0");
        }
        throw new InvalidOperationException("cannot find the repository root (Spatial.sln) above " + AppContext.BaseDirectory);
    }
}
