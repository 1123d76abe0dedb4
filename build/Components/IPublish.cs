using Spatial.Build;
using Spatial.Build.IO;
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
            .SetProjectFile(RootDirectory / "source" / "Spatial.Service" / "Spatial.Service.csproj")
            .SetConfiguration(Configuration)
            .SetRuntime("linux-x64")
            .SetSelfContained(true)
            .SetOutput(ServicePublishDirectory)));
}
