using Spatial.Deployment.Docker;
using Spatial.Deployment.Images;

namespace Spatial.Deployment.Tests.Docker;

/// <summary>
/// The engine the Docker tests use, and the images they share. Without an engine the tests are ignored with the
/// reason, unless SPATIAL_REQUIRE_DOCKER=1 (CI), which turns that into a failure.
/// </summary>
internal static class TestDocker
{
    /// <summary>Images built here are cached across test runs under this run id; tests clean up only their own runs.</summary>
    public static readonly DockerRun CacheRun = new("spatial-test-cache");

    private static readonly Lazy<Task<(DockerEngine? Engine, string? Reason)>> Connection = new(ConnectOnceAsync);
    private static readonly Lazy<Task<string>> WebImage = new(BuildWebImageAsync);

    /// <summary>The engine when one answered; for tear-downs, which must not ignore or fail.</summary>
    public static DockerEngine? Connected => Connection.IsValueCreated && Connection.Value.IsCompletedSuccessfully ? Connection.Value.Result.Engine : null;

    public static bool Required => Environment.GetEnvironmentVariable("SPATIAL_REQUIRE_DOCKER") == "1";

    /// <summary>The local engine, or the test is ignored (failed when Docker is required).</summary>
    public static async Task<DockerEngine> EngineAsync()
    {
        var (engine, reason) = await Connection.Value;
        if (engine is not null)
            return engine;
        if (Required)
            Assert.Fail($"SPATIAL_REQUIRE_DOCKER=1 but {reason}");
        Assert.Ignore(reason!);
        throw new InvalidOperationException("unreachable");
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "global.json")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("global.json not found above the test directory");
    }

    public static BaseImageOptions ServiceBaseOptions(DockerRun run) =>
        new(run, Path.Combine(RepositoryRoot(), "docker", "base"), Path.Combine(Path.GetTempPath(), "spatial-tests", "base-image"));

    /// <summary>
    /// A tiny web image on the repository's base recipe plus busybox: serves /www on 8080 as the image's non-root user,
    /// with a HEALTHCHECK against /ready, and stops on SIGTERM. Its context has a .dockerignore that leaves secret.txt out.
    /// </summary>
    public static Task<string> WebImageAsync() => WebImage.Value;

    private static async Task<(DockerEngine?, string?)> ConnectOnceAsync()
    {
        try
        {
            // DOCKER_HOST, as the Docker CLI reads it, lets the suite target another engine.
            var options = DockerEngineOptions.For(Environment.GetEnvironmentVariable("DOCKER_HOST")) with { ConnectTimeout = TimeSpan.FromSeconds(5) };
            return (await DockerEngine.ConnectAsync(options), null);
        }
        catch (DockerEngineUnreachableException e)
        {
            return (null, e.Message);
        }
    }

    private static async Task<string> BuildWebImageAsync()
    {
        var engine = (await Connection.Value).Engine!;
        var root = Path.Combine(Path.GetTempPath(), "spatial-tests", "web-image");
        var recipe = Directory.CreateDirectory(Path.Combine(root, "recipe")).FullName;
        var repositoryBase = Path.Combine(RepositoryRoot(), "docker", "base");
        File.Copy(Path.Combine(repositoryBase, "Dockerfile"), Path.Combine(recipe, "Dockerfile"), overwrite: true);
        File.WriteAllText(Path.Combine(recipe, "packages.txt"), File.ReadAllText(Path.Combine(repositoryBase, "packages.txt")) + "\nbusybox-static\n");
        var baseImage = await DebianBaseImage.EnsureAsync(engine,
            new BaseImageOptions(CacheRun, recipe, Path.Combine(root, "work")) { Repository = "spatial/test-base" });

        var context = Path.Combine(root, "context");
        if (Directory.Exists(context))
            Directory.Delete(context, recursive: true);
        Directory.CreateDirectory(Path.Combine(context, "www"));
        File.WriteAllText(Path.Combine(context, "www", "ready"), "ready\n");
        File.WriteAllText(Path.Combine(context, "www", "index.html"), "<p>spatial test</p>\n");
        File.WriteAllText(Path.Combine(context, "www", "secret.txt"), "must not reach the image\n");
        File.WriteAllText(Path.Combine(context, ".dockerignore"), "www/secret.txt\n");
        File.WriteAllText(Path.Combine(context, "Dockerfile"), """
            ARG BASE
            FROM ${BASE}
            COPY www/ /www/
            EXPOSE 8080
            HEALTHCHECK --interval=1s --timeout=2s --retries=5 CMD ["/bin/busybox", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/ready"]
            ENTRYPOINT ["/bin/busybox", "sh", "-c"]
            CMD ["echo uid=$(busybox id -u); trap 'exit 0' TERM; busybox httpd -f -v -p 8080 -h /www & wait"]
            """);
        var tag = "spatial/test-web:" + baseImage.RecipeHash[..12];
        await engine.Images.BuildAsync(new ImageBuildRequest(CacheRun, context, [tag]) { BuildArgs = new Dictionary<string, string> { ["BASE"] = baseImage.Tag } });
        return tag;
    }
}
