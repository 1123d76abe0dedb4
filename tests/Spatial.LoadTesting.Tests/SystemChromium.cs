namespace Spatial.LoadTesting.Tests;

/// <summary>
/// The machine's Chromium (Debian's <c>chromium</c> package), which the browser tests drive through Playwright.
/// Without one they are skipped with the reason, unless <c>SPATIAL_REQUIRE_BROWSER=1</c>, which makes them fail.
/// </summary>
internal static class SystemChromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    /// <summary>The executable's path; skips or fails the calling test when there is none.</summary>
    public static string Require()
    {
        var explicitPath = Environment.GetEnvironmentVariable("SPATIAL_CHROMIUM");
        var found = !string.IsNullOrEmpty(explicitPath) ? (File.Exists(explicitPath) ? explicitPath : null) : FindOnPath();
        if (found is not null)
            return found;
        var reason = $"no Chromium found ({(string.IsNullOrEmpty(explicitPath) ? $"none of {string.Join(", ", Names)} on PATH" : $"SPATIAL_CHROMIUM={explicitPath} does not exist")}); install it with: apt-get install -y --no-install-recommends chromium";
        if (Environment.GetEnvironmentVariable("SPATIAL_REQUIRE_BROWSER") == "1")
            Assert.Fail(reason + " (SPATIAL_REQUIRE_BROWSER=1)");
        Assert.Ignore(reason);
        return "";
    }

    private static string? FindOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => Names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
}
