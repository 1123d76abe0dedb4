using Spatial.Build.Execution;
using Spatial.Build.Generation;
using Spatial.Build.IO;

namespace Spatial.Build.CI;

/// <summary>Reads a build's target graph without running it: what tests of generated configurations compare against.</summary>
public static class TargetGraphReader
{
    /// <summary>Every target of <paramref name="build"/>, in declaration order, with dependencies and artifacts resolved.</summary>
    /// <remarks>Target definitions are evaluated outside a run, so parameters read there have their defaults.</remarks>
    public static IReadOnlyList<ExecutableTarget> Read(NukeBuild build)
    {
        ArgumentNullException.ThrowIfNull(build);
        return TargetGraph.Create(build, TargetDiscovery.Discover(build.GetType()));
    }

    /// <summary>The context a configuration generator receives, for generating in memory.</summary>
    public static ConfigurationContext CreateContext(NukeBuild build, AbsolutePath rootDirectory) => new(build, Read(build), rootDirectory);
}
