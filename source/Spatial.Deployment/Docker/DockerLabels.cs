namespace Spatial.Deployment.Docker;

/// <summary>Label keys Spatial puts on what it creates in the engine.</summary>
public static class DockerLabels
{
    /// <summary>Names the run that created a container, network or image; cleanup finds leftovers by it.</summary>
    public const string Run = "org.spatial.run";

    /// <summary>On base images: the hash of the recipe (package list, Dockerfile, assembly steps) the image was assembled from.</summary>
    public const string BaseRecipeHash = "org.spatial.base.recipe-sha256";

    /// <summary>On service images: the model name baked in.</summary>
    public const string ModelName = "org.spatial.model.name";

    /// <summary>On service images: the model version baked in.</summary>
    public const string ModelVersion = "org.spatial.model.version";

    /// <summary>On service images: the SHA-256 of the baked-in model's manifest, so a release can be read back from the image alone.</summary>
    public const string ModelManifestSha256 = "org.spatial.model.manifest-sha256";

    /// <summary>OCI image annotations (https://github.com/opencontainers/image-spec/blob/main/annotations.md).</summary>
    public static class Oci
    {
        public const string Title = "org.opencontainers.image.title";
        public const string Description = "org.opencontainers.image.description";
        public const string Version = "org.opencontainers.image.version";
        public const string Revision = "org.opencontainers.image.revision";
        public const string Created = "org.opencontainers.image.created";
        public const string Source = "org.opencontainers.image.source";
        public const string Licenses = "org.opencontainers.image.licenses";
        public const string Vendor = "org.opencontainers.image.vendor";
    }
}
