namespace Spatial.LoadTesting.Scenarios;

/// <summary>The engine's one rule about where load may go: loopback only, so a mistyped address never loads someone else's machine.</summary>
public static class LoopbackAddress
{
    /// <summary>Throws unless <paramref name="address"/> is absolute and names a loopback host (127.0.0.0/8, ::1 or localhost).</summary>
    public static void Require(Uri? address)
    {
        if (address is null || !address.IsAbsoluteUri || !address.IsLoopback)
            throw new ArgumentException($"load goes only to loopback addresses (127.0.0.1, ::1, localhost); refused: {address?.ToString() ?? "(none)"}", nameof(address));
    }
}
