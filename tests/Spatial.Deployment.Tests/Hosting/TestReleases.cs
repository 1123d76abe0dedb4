using System.Diagnostics;
using Spatial.Deployment.Docker;
using Spatial.Deployment.Hosting;
using Spatial.Deployment.Images;
using Spatial.Deployment.Tests.Docker;
using Spatial.Models.Registry;

namespace Spatial.Deployment.Tests.Hosting;

/// <summary>
/// The release candidates the host tests deploy: the service and gateway as this test run built them (framework
/// dependent, for the process host), and, for the Docker host, images built from self-contained publishes of the same
/// projects, once per test run.
/// </summary>
internal static class TestReleases
{
    private static readonly Lazy<Task<(string Service, string Gateway)>> Images = new(BuildImagesAsync);

    /// <summary>The configuration this test assembly was built with (the service and gateway were built with it too).</summary>
    private static string Configuration => new DirectoryInfo(TestContext.CurrentContext.TestDirectory).Parent!.Name;

    public static string BuildOutput(string project) =>
        Path.Combine(TestDocker.RepositoryRoot(), "source", project, "bin", Configuration, "net10.0");

    public static ReleaseCandidate ProcessCandidate() => Candidate(BuildOutput("Spatial.Service"), BuildOutput("Spatial.Gateway"), null, null);

    public static async Task<ReleaseCandidate> DockerCandidateAsync()
    {
        var (service, gateway) = await Images.Value;
        return Candidate(BuildOutput("Spatial.Service"), BuildOutput("Spatial.Gateway"), service, gateway);
    }

    private static ReleaseCandidate Candidate(string service, string gateway, string? serviceImage, string? gatewayImage)
    {
        var registry = new ModelRegistry(Path.Combine(TestDocker.RepositoryRoot(), "models"));
        var document = registry.Read();
        var name = ModelRegistry.DefaultModelName(document);
        var version = ModelRegistry.Version(document, name, null);
        return new ReleaseCandidate(new string('a', 40), registry.PackageDirectory(version), name, version.Version, service, gateway, serviceImage, gatewayImage);
    }

    private static async Task<(string, string)> BuildImagesAsync()
    {
        var engine = await TestDocker.EngineAsync();
        var root = TestDocker.RepositoryRoot();
        // A context laid out like the repository root, so the real Dockerfiles and .dockerignore apply.
        var context = Path.Combine(Path.GetTempPath(), "spatial-tests", "host-images");
        if (Directory.Exists(context))
            Directory.Delete(context, recursive: true);
        foreach (var folder in new[] { "docker/service", "docker/gateway" })
            CopyFolder(Path.Combine(root, folder), Path.Combine(context, folder));
        CopyFolder(Path.Combine(root, "models"), Path.Combine(context, "models"));
        File.Copy(Path.Combine(root, ".dockerignore"), Path.Combine(context, ".dockerignore"));
        await Task.WhenAll(
            PublishAsync(root, "Spatial.Service", Path.Combine(context, "artifacts", "service")),
            PublishAsync(root, "Spatial.Gateway", Path.Combine(context, "artifacts", "gateway")));

        var baseImage = await DebianBaseImage.EnsureAsync(engine, TestDocker.ServiceBaseOptions(TestDocker.CacheRun));
        var candidate = ProcessCandidate();
        var options = new ServiceImageOptions(TestDocker.CacheRun, context, "0.0.0-test", candidate.SourceCommit, candidate.ModelName, candidate.ModelVersion, DateTimeOffset.UtcNow)
        {
            Repository = "spatial/test-classifier",
            RuntimeBase = baseImage.Tag,
        };
        var service = await ServiceImage.BuildAsync(engine, options);
        var gateway = await ServiceImage.BuildGatewayAsync(engine, options);
        return (service.Tags[0], gateway.Tags[0]);
    }

    private static async Task PublishAsync(string root, string project, string output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "publish", Path.Combine(root, "source", project, project + ".csproj"), "--configuration", Configuration,
                     "--runtime", "linux-x64", "--self-contained", "true", "--output", output, "-nologo", "-v", "q",
                 })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            Assert.Fail($"dotnet publish {project} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)), overwrite: true);
    }
}
