using Spatial.Build;
using Spatial.Build.IO;
using Spatial.Build.Tooling;
using Spatial.Build.Tools.DotNet;

/// <summary>Publishes the inference service as a self-contained linux-x64 app: what the image carries.</summary>
interface IPublish : ICompile
{
    const string ServicePublishFolder = "artifacts/service";

    AbsolutePath ServicePublishDirectory => RootDirectory / ServicePublishFolder;

    Target Publish => _ => _
        .Description("Publish the inference service self-contained for linux-x64")
        .DependsOn(Compile)
        .Produces(ServicePublishFolder + "/**")
        .Executes(() => DotNetTasks.DotNetPublish(s => s
            .Apply(PublishSettingsBase)
            .Apply(PublishSettings)));

    // A runtime-specific publish restores for linux-x64 itself, which the solution restore does not cover.
    sealed Configure<DotNetPublishSettings> PublishSettingsBase => _ => _
        .SetProjectFile(Solution.GetProject("Spatial.Service"))
        .SetConfiguration(Configuration)
        .SetRuntime("linux-x64")
        .SetSelfContained(true)
        .SetOutput(ServicePublishDirectory);

    /// <summary>Override to add a build's own settings; applied after the base.</summary>
    Configure<DotNetPublishSettings> PublishSettings => _ => _;
}
