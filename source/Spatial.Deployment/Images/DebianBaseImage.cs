using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Spatial.Deployment.Docker;

namespace Spatial.Deployment.Images;

/// <summary>
/// The runtime base image for machines without a registry: assembled from the Debian packages in
/// <c>packages.txt</c>, built once per recipe and found again by the recipe's hash (tag and label).
/// </summary>
public static class DebianBaseImage
{
    /// <summary>The recipe hash for <paramref name="options"/>: package list, Dockerfile and assembly steps.</summary>
    public static string RecipeHash(BaseImageOptions options)
    {
        var packages = PackageList.Load(options.PackageListFile);
        if (!File.Exists(options.DockerfileFile))
            throw new FileNotFoundException($"base image Dockerfile {options.DockerfileFile} does not exist", options.DockerfileFile);
        var dockerfile = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(options.DockerfileFile)));
        var recipe = $"recipe {DebianRootFilesystem.RecipeVersion}\npackages {packages.Sha256()}\ndockerfile {dockerfile}\n";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipe)));
    }

    /// <summary>The tag the image for <paramref name="options"/> has, built or not.</summary>
    public static string TagFor(BaseImageOptions options) => $"{options.Repository}:{RecipeHash(options)[..12]}";

    /// <summary>Returns the base image for the recipe, building it only when the engine has none with the same recipe hash.</summary>
    public static async Task<BaseImage> EnsureAsync(DockerEngine engine, BaseImageOptions options, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        log ??= _ => { };
        var stopwatch = Stopwatch.StartNew();
        var hash = RecipeHash(options);
        var tag = $"{options.Repository}:{hash[..12]}";

        var existing = await engine.Images.InspectAsync(tag, cancellationToken);
        if (existing is not null && existing.Labels.TryGetValue(DockerLabels.BaseRecipeHash, out var label) && label == hash)
        {
            log($"base image {tag} is up to date (recipe {hash[..12]})");
            return new BaseImage(tag, existing.Id, hash, existing.SizeBytes, Cached: true, stopwatch.Elapsed);
        }

        var context = PrepareContext(options);
        await DebianRootFilesystem.AssembleAsync(PackageList.Load(options.PackageListFile), Path.Combine(options.WorkDirectory, "debs"),
            Path.Combine(context, "rootfs"), log, cancellationToken);
        File.Copy(options.DockerfileFile, Path.Combine(context, "Dockerfile"), overwrite: true);

        var request = new ImageBuildRequest(options.Run, context, [tag])
        {
            Labels = new Dictionary<string, string>
            {
                [DockerLabels.BaseRecipeHash] = hash,
                [DockerLabels.Oci.Title] = "Spatial runtime base",
                [DockerLabels.Oci.Description] = "Debian packages for self-contained .NET apps, assembled offline",
                [DockerLabels.Oci.Created] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        var built = await engine.Images.BuildAsync(request, line => log(line), cancellationToken);
        log($"built base image {tag} ({built.SizeBytes / 1e6:0.0} MB)");
        return new BaseImage(tag, built.Id, hash, built.SizeBytes, Cached: false, stopwatch.Elapsed);
    }

    // Only the folders this class creates are emptied: the work directory may hold other things.
    private static string PrepareContext(BaseImageOptions options)
    {
        foreach (var folder in new[] { "debs", "context" })
        {
            var path = Path.Combine(options.WorkDirectory, folder);
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
        return Directory.CreateDirectory(Path.Combine(options.WorkDirectory, "context")).FullName;
    }
}
