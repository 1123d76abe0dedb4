using System.Globalization;
using Spatial.Deployment.Docker;

namespace Spatial.Deployment.Images;

/// <summary>The service image: built from <c>docker/service/Dockerfile</c> with the repository root as context.</summary>
public static class ServiceImage
{
    /// <summary>The port the service listens on inside the container.</summary>
    public const int ContainerPort = 8080;

    /// <summary>The non-root uid the service runs as (the <c>app</c> user of both runtime bases).</summary>
    public const int AppUid = 1654;

    /// <summary><c>&lt;repository&gt;:&lt;version&gt;-&lt;short revision&gt;</c>, with characters a tag cannot hold replaced by '-'.</summary>
    public static string TagFor(ServiceImageOptions options)
    {
        if (options.Revision.Length < 7)
            throw new ArgumentException($"revision '{options.Revision}' is shorter than 7 characters", nameof(options));
        var tag = $"{options.Version}-{options.Revision[..7]}".ToLowerInvariant();
        // A tag is [A-Za-z0-9_.-]{1,128} and cannot start with '.' or '-'; semver build metadata ('+') is the usual offender.
        var clean = new string(tag.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-').ToArray()).TrimStart('.', '-');
        return $"{options.Repository}:{clean[..Math.Min(clean.Length, 128)]}";
    }

    /// <summary>Builds and tags the service image, streaming the engine's output to <paramref name="onOutput"/>.</summary>
    public static Task<BuiltImage> BuildAsync(DockerEngine engine, ServiceImageOptions options, Action<string>? onOutput = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path.Combine(options.RepositoryRoot, "models", "registry.json")))
            throw new FileNotFoundException($"no model registry at {Path.Combine(options.RepositoryRoot, "models", "registry.json")}: the image bakes the model in");
        return BuildPublishedAsync(engine, options, "service", "Spatial.Service", new Dictionary<string, string>
        {
            ["MODEL_NAME"] = options.ModelName,
            ["MODEL_VERSION"] = options.ModelVersion,
            ["MODEL_MANIFEST_SHA256"] = ModelManifestSha256(options),
        }, onOutput, cancellationToken);
    }

    /// <summary>
    /// Builds and tags the gateway image (<c>docker/gateway/Dockerfile</c>, <see cref="GatewayRepository"/>) with the same
    /// version, revision and runtime base as <paramref name="options"/>' service image.
    /// </summary>
    public static Task<BuiltImage> BuildGatewayAsync(DockerEngine engine, ServiceImageOptions options, Action<string>? onOutput = null, CancellationToken cancellationToken = default) =>
        BuildPublishedAsync(engine, options with { Repository = GatewayRepository, Dockerfile = "docker/gateway/Dockerfile" },
            "gateway", "Spatial.Gateway", new Dictionary<string, string>(), onOutput, cancellationToken);

    private static string ModelManifestSha256(ServiceImageOptions options)
    {
        var registry = new Models.Registry.ModelRegistry(Path.Combine(options.RepositoryRoot, "models"));
        var version = Models.Registry.ModelRegistry.Version(registry.Read(), options.ModelName, options.ModelVersion);
        return Models.PackageFiles.Sha256OfFile(Path.Combine(registry.PackageDirectory(version), Models.PackageFiles.ManifestFileName));
    }

    /// <summary>Where gateway images are tagged.</summary>
    public const string GatewayRepository = "spatial/gateway";

    private static Task<BuiltImage> BuildPublishedAsync(
        DockerEngine engine, ServiceImageOptions options, string artifact, string program, Dictionary<string, string> buildArgs,
        Action<string>? onOutput, CancellationToken cancellationToken)
    {
        var published = Path.Combine(options.RepositoryRoot, "artifacts", artifact, program);
        if (!File.Exists(published))
            throw new FileNotFoundException($"the published {artifact} {published} is missing: run the Publish target first", published);
        buildArgs["VERSION"] = options.Version;
        buildArgs["REVISION"] = options.Revision;
        buildArgs["CREATED"] = options.Created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        if (options.RuntimeBase is not null)
            buildArgs["RUNTIME_BASE"] = options.RuntimeBase;
        var request = new ImageBuildRequest(options.Run, options.RepositoryRoot, [TagFor(options)])
        {
            Dockerfile = options.Dockerfile,
            BuildArgs = buildArgs,
        };
        return engine.Images.BuildAsync(request, onOutput, cancellationToken);
    }
}
