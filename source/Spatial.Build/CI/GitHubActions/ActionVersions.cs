namespace Spatial.Build.CI.GitHubActions;

/// <summary>The actions generated workflows use, pinned in one place.</summary>
internal static class ActionVersions
{
    public const string Checkout = "actions/checkout@v4";
    public const string SetupDotNet = "actions/setup-dotnet@v4";
    public const string Cache = "actions/cache@v4";
    public const string UploadArtifact = "actions/upload-artifact@v4";
    public const string DownloadArtifact = "actions/download-artifact@v4";
    public const string UploadSarif = "github/codeql-action/upload-sarif@v3";
}
