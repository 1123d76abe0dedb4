using Docker.DotNet;
using Spatial.Kernels;

namespace Spatial.Deployment.Preflight;

/// <summary>Observes the machine: SDK, Docker engine, accelerators, disk, Trivy. Judging is <see cref="PreflightPolicy"/>'s job.</summary>
/// <param name="options">Where to look.</param>
/// <param name="describeAccelerators">Lists the devices the kernel library can use.</param>
public sealed class MachineProbe(PreflightOptions options, Func<IReadOnlyList<AcceleratorDescription>> describeAccelerators)
{
    /// <summary>Runs every probe; none throws for a missing capability.</summary>
    public async Task<MachineFacts> ObserveAsync(CancellationToken cancellationToken = default)
    {
        var sdk = ProbeDotNetSdkAsync(cancellationToken);
        var docker = ProbeDockerAsync(cancellationToken);
        var trivy = ProbeTrivyAsync(cancellationToken);
        return new MachineFacts(await sdk, await docker, describeAccelerators(), ProbeFreeDisk(), await trivy);
    }

    private async Task<DotNetSdkFact> ProbeDotNetSdkAsync(CancellationToken cancellationToken)
    {
        var (required, rollForward) = SdkRollForward.ReadGlobalJson(Path.Combine(options.RepositoryRoot, "global.json"));
        // `dotnet --version` in the repository applies global.json itself: a non-zero exit means nothing fits.
        var result = await ExternalCommand.RunAsync("dotnet", ["--version"], options.RepositoryRoot, options.ProbeTimeout, cancellationToken);
        if (result.StartError is not null)
            return new DotNetSdkFact(null, required, rollForward, result.StartError);
        if (result.ExitCode != 0)
            return new DotNetSdkFact(null, required, rollForward, FirstLine(result.StandardError + "\n" + result.StandardOutput));
        return new DotNetSdkFact(FirstLine(result.StandardOutput), required, rollForward, null);
    }

    private async Task<DockerEngineFact> ProbeDockerAsync(CancellationToken cancellationToken)
    {
        var endpoint = options.DockerEndpoint.ToString();
        try
        {
            using var configuration = new DockerClientConfiguration(options.DockerEndpoint, defaultTimeout: options.ProbeTimeout);
            using var client = configuration.CreateClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ProbeTimeout);
            var version = await client.System.GetVersionAsync(timeout.Token);
            var info = await client.System.GetSystemInfoAsync(timeout.Token);
            return new DockerEngineFact(endpoint, version.Version, version.APIVersion, info.Driver, null);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or OperationCanceledException or DockerApiException or IOException or System.Net.Sockets.SocketException)
        {
            return new DockerEngineFact(endpoint, null, null, null, Innermost(e).Message);
        }
    }

    private async Task<ToolFact> ProbeTrivyAsync(CancellationToken cancellationToken)
    {
        var result = await ExternalCommand.RunAsync(options.TrivyPath, ["--version"], options.RepositoryRoot, options.ProbeTimeout, cancellationToken);
        if (result.StartError is not null)
            return new ToolFact("trivy", null, result.StartError);
        if (result.ExitCode != 0)
            return new ToolFact("trivy", null, $"trivy --version exited {result.ExitCode}: {FirstLine(result.StandardError)}");
        // Trivy prints "Version: 0.58.1" first, then database details.
        var line = FirstLine(result.StandardOutput);
        return new ToolFact("trivy", line.StartsWith("Version:", StringComparison.Ordinal) ? line["Version:".Length..].Trim() : line, null)
        {
            Location = options.TrivyOrigin is null ? options.TrivyPath : $"{options.TrivyPath} ({options.TrivyOrigin})",
        };
    }

    private long ProbeFreeDisk() => new DriveInfo(Path.GetFullPath(options.RepositoryRoot)).AvailableFreeSpace;

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
