using Spatial.Build;
using Spatial.Build.IO;
using Spatial.Deployment.Docker;
using Spatial.Deployment.Images;

/// <summary>The offline runtime base image, assembled from Debian packages, and the Docker plumbing stage 4 shares.</summary>
interface IDockerBaseImage : IHazDeploymentHost
{
    /// <summary>The value of <c>--runtime-base</c> that selects the locally assembled base.</summary>
    const string OfflineRuntimeBase = "offline";

    [Parameter("Runtime base of the service image: 'offline' (assembled from docker/base/packages.txt, the default) or an image such as mcr.microsoft.com/dotnet/runtime-deps:10.0-bookworm-slim")]
    string RuntimeBase => TryGetValue(() => RuntimeBase) ?? OfflineRuntimeBase;

    BaseImageOptions BaseImageOptions => new(DockerRun, RootDirectory / "docker" / "base", TemporaryDirectory / "base-image");

    Target DockerBaseImage => _ => _
        .Description("Assemble the offline runtime base image from docker/base/packages.txt (built once per recipe hash)")
        .OnlyWhenStatic(() => RuntimeBase == OfflineRuntimeBase)
        .OnlyWhenStatic(() => SelectedHost.UsesDocker, () => SelectedHost.Reason)
        .Executes(async () =>
        {
            var engine = await ConnectDockerAsync();
            var image = await DebianBaseImage.EnsureAsync(engine, BaseImageOptions, line => Log.Information("{Line}", line));
            ReportSummary(s =>
            {
                s["Base image"] = $"{image.Tag} ({image.SizeBytes / 1e6:0.0} MB, {(image.Cached ? "cached" : $"built in {image.Duration.TotalSeconds:0.0} s")})";
                return s;
            });
        });

    /// <summary>The engine at <c>--docker-host</c>; an unreachable one fails the target in one line that says how to start it.</summary>
    async Task<DockerEngine> ConnectDockerAsync()
    {
        try
        {
            return await DockerEngine.ConnectAsync(DockerEngineOptions.For(DockerHost));
        }
        catch (DockerEngineUnreachableException e)
        {
            Assert.Fail(e.Message);
            throw;
        }
    }
}
