namespace Spatial.Deployment.Hosting.Processes;

/// <summary>
/// The process host's deployment lock: a file created exclusively, holding its owner's identity. A file whose owner
/// process is gone is stale and is broken; the owner's own file is deleted on dispose.
/// </summary>
internal sealed class LockFile : IAsyncDisposable
{
    private readonly string _path;

    private LockFile(string path) => _path = path;

    public static async Task<LockFile> AcquireAsync(string path, string environment, ProcessIdentity owner, TimeSpan wait, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                await using (var writer = new StreamWriter(stream))
                    await writer.WriteAsync(owner.ToString());
                return new LockFile(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                var holder = ReadHolder(path);
                if (holder is null || !holder.IsAlive)
                {
                    // Stale: its owner died. Deleting races only with another breaker, and CreateNew decides who wins.
                    File.Delete(path);
                    continue;
                }
                if (DateTime.UtcNow >= deadline)
                    throw new DeploymentLockedException(environment, holder.ToString(), wait);
                await Task.Delay(500, cancellationToken);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(_path);
        return ValueTask.CompletedTask;
    }

    private static ProcessIdentity? ReadHolder(string path)
    {
        try
        {
            return ProcessIdentity.Parse(File.ReadAllText(path).Trim());
        }
        catch (IOException)
        {
            return null;
        }
    }
}
