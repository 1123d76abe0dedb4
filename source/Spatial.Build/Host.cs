namespace Spatial.Build;

/// <summary>Where the build runs: a terminal, or a CI server (GitHub Actions, or any that sets <c>CI</c>).</summary>
public sealed class Host : Enumeration
{
    public static readonly Host Terminal = new() { Value = nameof(Terminal) };
    public static readonly Host GitHubActions = new() { Value = nameof(GitHubActions) };

    /// <summary>A CI server the engine knows only by its <c>CI</c> variable.</summary>
    public static readonly Host Server = new() { Value = nameof(Server) };

    internal static Host Detect(IReadOnlyDictionary<string, string> environment)
    {
        if (environment.TryGetValue("GITHUB_ACTIONS", out var actions) && actions.Equals("true", StringComparison.OrdinalIgnoreCase))
            return GitHubActions;
        return environment.TryGetValue("CI", out var ci) && !string.IsNullOrEmpty(ci) ? Server : Terminal;
    }
}
