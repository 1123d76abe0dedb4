using Spatial.Build;
using Spatial.Build.IO;
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
        .Executes(() => PublishProject("Spatial.Service", ServicePublishDirectory))
        .Executes(() => PublishProject("Spatial.Gateway", GatewayPublishDirectory));

    void PublishProject(string name, AbsolutePath output) => DotNetTasks.DotNetPublish(s => s
        .SetProjectFile(RootDirectory / "source" / name / (name + ".csproj"))
        .SetConfiguration(Configuration)
        .SetRuntime("linux-x64")
        .SetSelfContained(true)
        .SetOutput(output));
}
