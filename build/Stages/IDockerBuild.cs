using Spatial.Build;
using Spatial.Build.IO;
using Spatial.Build.Tooling;
using Spatial.Deployment.Checks;
using Spatial.Deployment.Docker;
using Spatial.Deployment.Images;
using Spatial.Models.Registry;

/// <summary>Stage 4: the service image, built and proven in a container.</summary>
interface IDockerBuild : ISpatialTests, IValidateModels, IPublish, IDockerBaseImage, IHazSourceRevision
{
    /// <summary>The container test's memory limit: the service must classify within it.</summary>
    const long ContainerMemoryLimitBytes = 1L << 30;

    [Parameter("Release version for the image tag and OCI labels (default: 0.1.0)")]
    string ImageVersion => TryGetValue(() => ImageVersion) ?? "0.1.0";

    [Parameter("Folder of golden images named <expected label>.png (default: tests/Spatial.Models.Tests/golden)")]
    string? GoldenImages => TryGetValue(() => GoldenImages);

    AbsolutePath GoldenImagesDirectory => GoldenImages is null ? RootDirectory / "tests" / "Spatial.Models.Tests" / "golden" : (AbsolutePath)Path.GetFullPath(GoldenImages);

    Target DockerBuild => _ => _
        .Description("Stage 4: build the service image and test it in a container (health, classification, non-root, memory)")
        .DependsOn(SpatialTests, ValidateModels, Publish)
        .DependsOn<IDockerBaseImage>(x => x.DockerBaseImage)
        .OnlyWhenStatic(() => SelectedHost.UsesDocker, () => SelectedHost.Reason)
        // Skipping the image must not skip the kernel and model stages it depends on.
        .WhenSkipped(DependencyBehavior.Execute)
        .Executes(async () =>
        {
            var engine = await ConnectDockerAsync();
            var leftovers = await engine.Cleanup.RemoveLeftoversAsync(DockerRun);
            if (leftovers.Total > 0)
                Log.Information("Removed {Containers} container(s) and {Networks} network(s) left by earlier runs", leftovers.Containers, leftovers.Networks);

            var image = await BuildServiceImageAsync(engine);
            var gateway = await ServiceImage.BuildGatewayAsync(engine, ImageOptions, line => Log.Information("{Line}", line));
            ReportSummary(s =>
            {
                s["Image"] = image.Tags[0];
                s["Image size"] = $"{image.SizeBytes / 1e6:0.0} MB";
                s["Build time"] = $"{image.Duration.TotalSeconds:0.0} s";
                s["Gateway"] = $"{gateway.Tags[0]} ({gateway.SizeBytes / 1e6:0.0} MB)";
                return s;
            });

            var details = await engine.Images.InspectAsync(image.Id) ?? throw new InvalidOperationException($"image {image.Id} vanished");
            Assert.True(details.User.Split(':')[0] is { Length: > 0 } user && user != "0" && user != "root", $"image {image.Tags[0]} runs as root (USER '{details.User}')");
            Assert.True(details.Healthcheck.Count > 0, $"image {image.Tags[0]} has no HEALTHCHECK");
            await TestInContainerAsync(engine, image);
        });

    Target DockerCleanup => _ => _
        .Description("Remove this run's containers and networks, whatever happened (images stay: they are the result)")
        .TriggeredBy<IDockerBuild>(x => x.DockerBuild)
        .AssuredAfterFailure()
        .Unlisted()
        .Executes(async () =>
        {
            // Nothing to clean when the engine is down; the failure has been reported by DockerBuild.
            try
            {
                var engine = await DockerEngine.ConnectAsync(DockerEngineOptions.For(DockerHost));
                var removed = await engine.Cleanup.RemoveRunAsync(DockerRun, includeImages: false);
                if (removed.Total > 0)
                    Log.Warning("Removed {Containers} container(s) and {Networks} network(s) of this run that were still there", removed.Containers, removed.Networks);
            }
            catch (DockerEngineUnreachableException)
            {
            }
        });

    /// <summary>What the images are built from and tagged with: the release version, this commit and the newest registered model.</summary>
    ServiceImageOptions ImageOptions
    {
        get
        {
            var registry = new ModelRegistry(RootDirectory / "models");
            Assert.True(File.Exists(registry.FilePath), $"no model registry at {registry.FilePath}: the image bakes the model in");
            var document = registry.Read();
            var modelName = ModelRegistry.DefaultModelName(document);
            var model = ModelRegistry.Version(document, modelName, null);
            return new ServiceImageOptions(DockerRun, RootDirectory, ImageVersion, SourceRevision(), modelName, model.Version, DateTimeOffset.UtcNow)
            {
                RuntimeBase = RuntimeBase == IDockerBaseImage.OfflineRuntimeBase ? DebianBaseImage.TagFor(BaseImageOptions) : RuntimeBase,
            };
        }
    }

    async Task<BuiltImage> BuildServiceImageAsync(DockerEngine engine)
    {
        var options = ImageOptions;
        Log.Information("Building {Tag} on {Base} with model {Model} {Version}", ServiceImage.TagFor(options), options.RuntimeBase, options.ModelName, options.ModelVersion);
        return await ServiceImage.BuildAsync(engine, options, line => Log.Information("{Line}", line));
    }

    async Task TestInContainerAsync(DockerEngine engine, BuiltImage image)
    {
        try
        {
            var result = await ContainerSmokeTest.RunAsync(engine, DockerRun, image.Id, GoldenImagesDirectory, ContainerMemoryLimitBytes, line => Log.Information("{Line}", line));
            ReportSummary(s => { s["Golden images"] = $"{result.Golden.Count(r => r.Passed)}/{result.Golden.Count} classified right in the container"; return s; });
            foreach (var problem in result.Problems)
                Log.Error("{Problem}", problem);
            Assert.True(result.Problems.Count == 0, string.Join("; ", result.Problems));
        }
        catch (ContainerNotReadyException notReady)
        {
            Log.Error("Container logs:\n{Logs}", notReady.Logs);
            throw;
        }
    }
}
