namespace Spatial.Deployment.Docker;

/// <summary>Image operations on one engine.</summary>
public interface IDockerImages
{
    /// <summary>
    /// Builds an image from <paramref name="request"/>'s context (honouring its <c>.dockerignore</c>), streaming each line
    /// of build output to <paramref name="onOutput"/>; throws <see cref="DockerImageBuildException"/> when the build fails.
    /// </summary>
    Task<BuiltImage> BuildAsync(ImageBuildRequest request, Action<string>? onOutput = null, CancellationToken cancellationToken = default);

    /// <summary>The image named <paramref name="nameOrId"/>, or null when the engine has none.</summary>
    Task<DockerImageDetails?> InspectAsync(string nameOrId, CancellationToken cancellationToken = default);

    /// <summary>Every image carrying label <paramref name="label"/>, inspected.</summary>
    Task<IReadOnlyList<DockerImageDetails>> ListAsync(string label, CancellationToken cancellationToken = default);

    /// <summary>Removes the image (and its untagged parents); false when it did not exist.</summary>
    Task<bool> RemoveAsync(string nameOrId, CancellationToken cancellationToken = default);
}
