using Spatial.Build;

namespace Spatial.Tests.Build.Support;

/// <summary>Base of test builds: records the targets that ran, in order.</summary>
internal abstract class RecordingBuild : NukeBuild
{
    public List<string> Ran { get; } = [];

    protected ITargetDefinition Record(ITargetDefinition definition, string name) => definition.Executes(() => Ran.Add(name));
}
