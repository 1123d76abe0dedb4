namespace Spatial.Tests.Build.Support;

/// <summary>
/// A program a test needs from the machine (pwsh, chromium). Missing, it skips the test with the reason, or fails it
/// when the variable that says CI installed it (<c>SPATIAL_REQUIRE_PWSH=1</c>) is set, so CI never passes by skipping.
/// </summary>
internal static class ExternalTool
{
    public static string Require(string requireVariable, string installHint, params string[] names)
    {
        foreach (var name in names)
        {
            if (FindOnPath(name) is { } path)
                return path;
        }

        var message = $"{string.Join(" or ", names)} is not on PATH; install it with: {installHint}";
        if (Environment.GetEnvironmentVariable(requireVariable) == "1")
            Assert.Fail($"{requireVariable}=1 but {message}");
        Assert.Ignore(message);
        return null!;
    }

    public static string? FindOnPath(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
                return candidate;
        }

        return null;
    }
}
