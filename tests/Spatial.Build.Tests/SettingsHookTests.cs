using Spatial.Build;
using Spatial.Build.Tooling;
using Spatial.Build.Tools.DotNet;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build;

/// <summary>A component in Nuke.Components' shape: a sealed settings base, an overridable hook, flags from what succeeded.</summary>
public interface IHookedCompile : INukeBuild
{
    List<string> Invocations { get; }

    Target Restore => _ => _.Executes(() => Invocations.Add("restore"));

    Target Compile => _ => _
        .DependsOn(Restore)
        .Executes(() => Invocations.Add(new DotNetBuildSettings()
            .Apply(CompileSettingsBase)
            .Apply(CompileSettings)
            .GetArguments().Render()));

    sealed Configure<DotNetBuildSettings> CompileSettingsBase => _ => _
        .SetProjectFile("App.sln")
        .SetConfiguration(Configuration.Release)
        .SetNoRestore(SucceededTargets.Contains(Restore));

    Configure<DotNetBuildSettings> CompileSettings => _ => _;
}

public sealed class SettingsHookTests
{
    private BuildHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new BuildHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private sealed class PlainBuild : NukeBuild, IHookedCompile
    {
        public List<string> Invocations { get; } = [];
    }

    private sealed class CustomisedBuild : NukeBuild, IHookedCompile
    {
        public List<string> Invocations { get; } = [];

        Configure<DotNetBuildSettings> IHookedCompile.CompileSettings => _ => _.SetProperty("ContinuousIntegrationBuild", true);
    }

    [Test]
    public void No_restore_follows_whether_Restore_succeeded_in_this_run()
    {
        var after = new PlainBuild();
        _harness.Run(after, "Compile");
        Assert.That(after.Invocations, Is.EqualTo(new[] { "restore", "build App.sln --configuration Release --no-restore" }));

        var skipped = new PlainBuild();
        _harness.Run(skipped, "Compile", "--skip", "Restore");
        Assert.That(skipped.Invocations, Is.EqualTo(new[] { "build App.sln --configuration Release" }));
    }

    [Test]
    public void An_overridden_settings_hook_adds_to_the_base()
    {
        var build = new CustomisedBuild();
        var result = _harness.Run(build, "Compile");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Invocations[^1], Is.EqualTo("build App.sln --configuration Release --no-restore -p:ContinuousIntegrationBuild=True"));
    }
}
