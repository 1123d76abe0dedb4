using Spatial.Security.Trivy;

namespace Spatial.Security.Tests.Trivy;

/// <summary>
/// The real Trivy for tests that run it: on PATH or already fetched into the repository's tools cache (tests never
/// download it). Absent, such a test is skipped saying why, unless SPATIAL_REQUIRE_TRIVY=1 (CI), which makes it fail.
/// </summary>
internal static class TestTrivy
{
    public static bool Required => Environment.GetEnvironmentVariable("SPATIAL_REQUIRE_TRIVY") == "1";

    public static async Task<TrivyTool> RequireAsync()
    {
        var resolver = new TrivyResolver(Path.Combine(RepositoryRoot(), ".nuke", "temp", "tools"))
        {
            Fetch = (_, _, _) => throw new TrivyException("tests do not download Trivy"),
        };
        try
        {
            return new TrivyTool(await resolver.ResolveAsync());
        }
        catch (TrivyException e)
        {
            var reason = $"no Trivy on PATH or in {resolver.CachedExecutable} ({e.Message}); install it or run ./build.sh ValidateEnvironment once to fetch the pinned build";
            if (Required)
                Assert.Fail($"SPATIAL_REQUIRE_TRIVY=1 but {reason}");
            Assert.Ignore(reason);
            throw;
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
                return directory.FullName;
        }

        return TestContext.CurrentContext.TestDirectory;
    }
}
