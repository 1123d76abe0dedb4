using System.Net;
using System.Net.Sockets;

namespace Spatial.Deployment.Hosting;

/// <summary>Free TCP ports on 127.0.0.1, for listeners whose port must be known before they start.</summary>
public static class FreePort
{
    /// <summary>A port nothing listens on right now (the caller binds it soon after; a lost race fails that start, which is retried).</summary>
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether something accepts connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
