using Spatial.Build;

/// <summary>The build configuration every .NET step uses.</summary>
interface IHazConfiguration : INukeBuild
{
    [Parameter("Configuration to build")]
    Configuration Configuration => TryGetValue(() => Configuration) ?? Configuration.Release;
}
