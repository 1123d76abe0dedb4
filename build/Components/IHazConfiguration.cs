using Spatial.Build;

/// <summary>The build configuration every .NET step uses.</summary>
interface IHazConfiguration : INukeBuild
{
    // As NUKE: Debug on a terminal, Release on a CI server, unless a parameter says otherwise.
    [Parameter("Configuration to build (default: Debug locally, Release on a CI server)")]
    Configuration Configuration => TryGetValue(() => Configuration) ?? (IsLocalBuild ? Configuration.Debug : Configuration.Release);
}
