using System.Text.RegularExpressions;
using Spatial.Build.CI.Yaml;

namespace Spatial.Build.CI.GitHubActions;

/// <summary>The step that installs a pinned Trivy release: download, SHA-256 check before extraction, then onto the PATH.</summary>
internal static partial class TrivyInstallStep
{
    public static YamlMapping Create(string workflow, string? version, string? sha256)
    {
        if (string.IsNullOrWhiteSpace(version) || !Version().IsMatch(version))
            throw new BuildFailedException($"Workflow '{workflow}': a job installs Trivy, so TrivyVersion must be a release such as 0.73.0 (got '{version}').");
        if (string.IsNullOrWhiteSpace(sha256) || !Sha256().IsMatch(sha256))
            throw new BuildFailedException($"Workflow '{workflow}': TrivySha256 must be the 64 hex digits of trivy_{version}_Linux-64bit.tar.gz (got '{sha256}').");
        var script = $"""
            set -euo pipefail
            archive="trivy_{version}_Linux-64bit.tar.gz"
            curl -fsSL --retry 3 -o "$RUNNER_TEMP/$archive" "https://github.com/aquasecurity/trivy/releases/download/v{version}/$archive"
            echo "{sha256.ToLowerInvariant()}  $RUNNER_TEMP/$archive" | sha256sum --check --strict
            mkdir -p "$RUNNER_TEMP/trivy"
            tar -xzf "$RUNNER_TEMP/$archive" -C "$RUNNER_TEMP/trivy" trivy
            echo "$RUNNER_TEMP/trivy" >> "$GITHUB_PATH"
            "$RUNNER_TEMP/trivy/trivy" --version

            """;
        return new YamlMapping()
            .Add("name", $"Install Trivy {version} (checksum verified)")
            .Add("run", script);
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex Version();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256();
}
