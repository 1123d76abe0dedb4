namespace Spatial.Models.Registry;

/// <summary>
/// An exclusive lock on the registry, held through a lock file opened with <see cref="FileShare.None"/>
/// (an OS-level lock, so it guards other processes as well as other threads).
/// </summary>
internal sealed class RegistryLock : IDisposable
{
    private readonly FileStream _stream;

    private RegistryLock(FileStream stream) => _stream = stream;

    public static RegistryLock Acquire(string registryPath, TimeSpan timeout)
    {
        var path = registryPath + ".lock";
        var deadline = DateTime.UtcNow + timeout;
        var delay = 5;
        while (true)
        {
            try
            {
                return new RegistryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(delay);
                delay = Math.Min(delay * 2, 100);
            }
            catch (IOException e)
            {
                throw new RegistryException($"{path} is held by another writer after waiting {timeout.TotalSeconds:F0} s: {e.Message}", e);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
