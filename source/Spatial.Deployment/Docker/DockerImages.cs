using System.Diagnostics;
using System.Net;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Spatial.Deployment.Docker;

/// <summary>Image operations over one Docker.DotNet client.</summary>
internal sealed class DockerImages(DockerClient client) : IDockerImages
{
    public async Task<BuiltImage> BuildAsync(ImageBuildRequest request, Action<string>? onOutput = null, CancellationToken cancellationToken = default)
    {
        if (request.Tags.Count == 0)
            throw new ArgumentException("an image build needs at least one tag", nameof(request));
        var dockerfile = Path.Combine(request.ContextDirectory, request.Dockerfile);
        if (!File.Exists(dockerfile))
            throw new FileNotFoundException($"Dockerfile {dockerfile} does not exist", dockerfile);

        var stopwatch = Stopwatch.StartNew();
        await using var context = await BuildContextArchive.CreateAsync(request.ContextDirectory, request.Dockerfile, cancellationToken);
        var output = new StringBuilder();
        string? error = null;
        var progress = new ImmediateProgress<JSONMessage>(message =>
        {
            if (message.Error is not null || !string.IsNullOrEmpty(message.ErrorMessage))
                error = message.Error?.Message ?? message.ErrorMessage;
            var text = message.Stream ?? message.Status ?? error;
            if (string.IsNullOrEmpty(text))
                return;
            output.Append(text);
            if (!text.EndsWith('\n'))
                output.Append('\n');
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                onOutput?.Invoke(line.TrimEnd('\r'));
        });

        var parameters = new ImageBuildParameters
        {
            Dockerfile = request.Dockerfile.Replace('\\', '/'),
            Tags = request.Tags.ToList(),
            BuildArgs = request.BuildArgs.ToDictionary(),
            Labels = request.Run.LabelsWith(request.Labels),
            NoCache = request.NoCache,
            // Intermediate containers are removed even when a step fails, so a failed build leaves nothing behind.
            Remove = true,
            ForceRemove = true,
        };
        try
        {
            await client.Images.BuildImageFromDockerfileAsync(parameters, context, [], new Dictionary<string, string>(), progress, cancellationToken);
        }
        catch (DockerApiException e)
        {
            throw new DockerImageBuildException($"image build of {request.Tags[0]} was refused by the engine: {e.ResponseBody.Trim()}", output.ToString());
        }
        if (error is not null)
            throw new DockerImageBuildException($"image build of {request.Tags[0]} failed: {error.Trim()}", output.ToString());

        var image = await InspectAsync(request.Tags[0], cancellationToken)
            ?? throw new DockerImageBuildException($"image build of {request.Tags[0]} reported success but the engine has no such image", output.ToString());
        return new BuiltImage(image.Id, request.Tags, image.SizeBytes, stopwatch.Elapsed);
    }

    public async Task<DockerImageDetails?> InspectAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        try
        {
            var image = await client.Images.InspectImageAsync(nameOrId, cancellationToken);
            var config = image.Config ?? new Config();
            return new DockerImageDetails(
                image.ID,
                image.RepoTags?.ToList() ?? [],
                image.Size,
                config.User ?? "",
                config.Labels?.ToDictionary() ?? [],
                config.Healthcheck?.Test?.ToList() ?? [],
                config.Entrypoint?.ToList() ?? [],
                config.ExposedPorts?.Keys.ToList() ?? []);
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<DockerImageDetails>> ListAsync(string label, CancellationToken cancellationToken = default)
    {
        var listed = await client.Images.ListImagesAsync(new ImagesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [label] = true } },
        }, cancellationToken);
        var images = new List<DockerImageDetails>();
        foreach (var image in listed)
        {
            if (await InspectAsync(image.ID, cancellationToken) is { } details)
                images.Add(details);
        }
        return images;
    }

    public async Task<bool> RemoveAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.Images.DeleteImageAsync(nameOrId, new ImageDeleteParameters { Force = true }, cancellationToken);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
