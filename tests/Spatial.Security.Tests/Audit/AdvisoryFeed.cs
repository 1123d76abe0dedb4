using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Spatial.Security.Tests.Audit;

/// <summary>
/// A NuGet audit source on 127.0.0.1 (a V3 service index with a VulnerabilityInfo resource) serving one published advisory.
/// NuGet's vulnerability data comes from an audit source; the package source served to this project publishes none.
/// </summary>
internal sealed class AdvisoryFeed : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly string _advisories;

    public AdvisoryFeed(string advisoriesJson)
    {
        _advisories = advisoriesJson;
        Port = FreePort();
        _listener.Prefixes.Add($"{BaseUri}");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    public Uri IndexUri => new(BaseUri, "index.json");

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var body = context.Request.Url!.AbsolutePath switch
            {
                "/index.json" => $$"""{"version": "3.0.0", "resources": [{"@id": "{{BaseUri}}vulnerabilities/index.json", "@type": "VulnerabilityInfo/6.7.0"}]}""",
                "/vulnerabilities/index.json" => $$"""[{"@name": "base", "@id": "{{BaseUri}}vulnerabilities/base.json", "@updated": "2026-11-01T00:00:00Z"}]""",
                "/vulnerabilities/base.json" => _advisories,
                _ => null,
            };
            context.Response.StatusCode = body is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body ?? "");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
