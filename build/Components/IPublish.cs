using Spatial.Build;
using Spatial.Build.IO;
using Spatial.Build.Tooling;
using Spatial.Build.Tools.DotNet;

/// <summary>Publishes the inference service and the gateway as self-contained linux-x64 apps: what the images carry and the process host runs.</summary>
interface IPublish : ICompile
{
    const string ServicePublishFolder = "artifacts/service";
    const string GatewayPublishFolder = "artifacts/gateway";

    AbsolutePath ServicePublishDirectory => RootDirectory / ServicePublishFolder;

    AbsolutePath GatewayPublishDirectory => RootDirectory / GatewayPublishFolder;

    Target Publish => _ => _
        .Description("Publish the inference service and the gateway self-contained for linux-x64")
        .DependsOn(Compile)
        .Produces(ServicePublishFolder + "/**", GatewayPublishFolder + "/**")
        .Executes(() => DotNetTasks.DotNetPublish(s => s
            .Apply(PublishSettingsBase)
            .Apply(PublishSettings)))
        .Executes(() => DotNetTasks.DotNetPublish(s => s
            .Apply(GatewayPublishSettingsBase)
            .Apply(PublishSettings)));

    // A runtime-specific publish restores for linux-x64 itself, which the solution restore does not cover.
    sealed Configure<DotNetPublishSettings> PublishSettingsBase => _ => _
        .SetProjectFile(Solution.GetProject("Spatial.Service"))
        .SetConfiguration(Configuration)
        .SetRuntime("linux-x64")
        .SetSelfContained(true)
        .SetOutput(ServicePublishDirectory);

    /// <summary>The gateway's publish: the same choices, its own project and folder.</summary>
    sealed Configure<DotNetPublishSettings> GatewayPublishSettingsBase => _ => _
        .Apply(PublishSettingsBase)
        .SetProjectFile(Solution.GetProject("Spatial.Gateway"))
        .SetOutput(GatewayPublishDirectory);

    /// <summary>Override to add a build's own settings; applied after the base, to both publishes.</summary>
    Configure<DotNetPublishSettings> PublishSettings => _ => _;
}
