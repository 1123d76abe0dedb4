using Spatial.Build.IO;

namespace Spatial.Build.Generation;

/// <summary>Generates a CI configuration file from the target graph. Implement it on an attribute placed on the build class.</summary>
public interface IConfigurationGenerator
{
    /// <summary>The id passed to <c>--generate-configuration</c>, e.g. the workflow name.</summary>
    string Id { get; }

    /// <summary>The file this generator owns, e.g. <c>.github/workflows/ci.yml</c> under the root.</summary>
    AbsolutePath GetOutputPath(AbsolutePath rootDirectory);

    /// <summary>The complete file content.</summary>
    string Generate(ConfigurationContext context);
}

/// <summary>What a generator can read: the build and its target graph.</summary>
/// <param name="Build">The build instance (parameters injected).</param>
/// <param name="Targets">Every target, in declaration order, with dependencies, triggers and artifacts.</param>
/// <param name="RootDirectory">The repository root.</param>
public sealed record ConfigurationContext(INukeBuild Build, IReadOnlyList<ExecutableTarget> Targets, AbsolutePath RootDirectory);

/// <summary>A generated file whose committed content differs from what the build would generate.</summary>
public sealed record ConfigurationDrift(string GeneratorId, AbsolutePath File, bool Missing);
