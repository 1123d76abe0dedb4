using System.Text.RegularExpressions;
using Spatial.Build.IO;

namespace Spatial.Build.Git;

/// <summary>The repository the build runs in: branch, commit and remote, read from the <c>.git</c> folder without running git.</summary>
/// <param name="LocalDirectory">The working tree's root.</param>
/// <param name="Commit">The full commit id of HEAD.</param>
/// <param name="Branch">The checked-out branch; on a detached HEAD in GitHub Actions the branch the run is for; null otherwise.</param>
/// <param name="RemoteName">The remote the URL belongs to (origin when there is one).</param>
/// <param name="RemoteUrl">The remote's URL, or null for a repository without remotes.</param>
public sealed partial record GitRepository(AbsolutePath LocalDirectory, string Commit, string? Branch, string? RemoteName, string? RemoteUrl)
{
    /// <summary>The first 7 characters of <see cref="Commit"/>.</summary>
    public string ShortCommit => Commit[..Math.Min(7, Commit.Length)];

    /// <summary>Reads the repository at <paramref name="root"/>; null when there is none (a source archive).</summary>
    public static GitRepository? TryRead(AbsolutePath root, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (FindGitDirectory(root) is not { } gitDirectory)
            return null;
        // Worktrees keep HEAD in their own folder and refs and config in the common one.
        var commonFile = gitDirectory / "commondir";
        var commonDirectory = commonFile.FileExists() ? Resolve(gitDirectory, commonFile.ReadAllText().Trim()) : gitDirectory;
        var head = (gitDirectory / "HEAD").ReadAllText().Trim();
        string? branch = null;
        string commit;
        if (head.StartsWith("ref: ", StringComparison.Ordinal))
        {
            var reference = head[5..].Trim();
            branch = reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..] : reference;
            commit = ReadReference(gitDirectory, commonDirectory, reference)
                ?? throw new BuildFailedException($"Git repository at {root}: branch {branch} has no commit yet.");
        }
        else
        {
            commit = head;
            branch = DetachedBranch(environment);
        }

        var (remoteName, remoteUrl) = ReadRemote(commonDirectory / "config");
        return new GitRepository(root, commit, branch, remoteName, remoteUrl);
    }

    private static AbsolutePath? FindGitDirectory(AbsolutePath root)
    {
        var dotGit = root / ".git";
        if (dotGit.DirectoryExists())
            return dotGit;
        if (!dotGit.FileExists())
            return null;
        // A worktree or submodule: ".git" is a file saying "gitdir: <path>".
        var line = dotGit.ReadAllText().Trim();
        return line.StartsWith("gitdir:", StringComparison.Ordinal) ? Resolve(root, line[7..].Trim()) : null;
    }

    private static AbsolutePath Resolve(AbsolutePath baseDirectory, string path) =>
        AbsolutePath.Create(Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path));

    private static string? ReadReference(AbsolutePath gitDirectory, AbsolutePath commonDirectory, string reference)
    {
        foreach (var directory in new[] { gitDirectory, commonDirectory })
        {
            var file = directory / reference;
            if (file.FileExists())
                return file.ReadAllText().Trim();
        }

        var packed = commonDirectory / "packed-refs";
        if (!packed.FileExists())
            return null;
        return File.ReadLines(packed)
            .Select(line => line.Split(' ', 2))
            .FirstOrDefault(parts => parts.Length == 2 && parts[1].Trim() == reference)?[0];
    }

    // GitHub Actions checks out pull requests and tags detached; its variables name the branch.
    private static string? DetachedBranch(IReadOnlyDictionary<string, string>? environment)
    {
        if (environment is null)
            return null;
        foreach (var name in new[] { "GITHUB_HEAD_REF", "GITHUB_REF_NAME" })
        {
            if (environment.TryGetValue(name, out var value) && value.Length > 0)
                return value;
        }

        return null;
    }

    private static (string? Name, string? Url) ReadRemote(AbsolutePath config)
    {
        if (!config.FileExists())
            return (null, null);
        var remotes = new List<(string Name, string Url)>();
        string? section = null;
        foreach (var line in File.ReadLines(config).Select(x => x.Trim()))
        {
            if (RemoteSection().Match(line) is { Success: true } match)
                section = match.Groups["name"].Value;
            else if (line.StartsWith('['))
                section = null;
            else if (section is not null && UrlSetting().Match(line) is { Success: true } url)
                remotes.Add((section, url.Groups["url"].Value.Trim()));
        }

        var chosen = remotes.FirstOrDefault(x => x.Name == "origin");
        if (chosen.Name is null && remotes.Count > 0)
            chosen = remotes[0];
        return (chosen.Name, chosen.Url);
    }

    [GeneratedRegex("""^\[remote\s+"(?<name>[^"]+)"\]$""")]
    private static partial Regex RemoteSection();

    [GeneratedRegex(@"^url\s*=\s*(?<url>.+)$")]
    private static partial Regex UrlSetting();
}
