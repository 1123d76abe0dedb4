using System.Net.Http.Json;
using System.Text.Json;

namespace Spatial.Deployment.Rollouts;

/// <summary>The gateway's loopback admin endpoint, as a client: read the pool, replace it in one step.</summary>
public static class GatewayAdmin
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The destinations the gateway routes to now.</summary>
    public static async Task<IReadOnlyList<Uri>> GetPoolAsync(Uri admin, CancellationToken cancellationToken = default)
    {
        using var response = await Http.GetAsync(new Uri(admin, "admin/pool"), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.GetProperty("destinations").EnumerateArray()
            .Select(d => new Uri(d.GetProperty("address").GetString()!)).ToList();
    }

    /// <summary>Replaces the pool; throws with the gateway's problem detail when it refuses.</summary>
    public static async Task SetPoolAsync(Uri admin, IEnumerable<Uri> destinations, string label, CancellationToken cancellationToken = default)
    {
        using var response = await Http.PutAsJsonAsync(new Uri(admin, "admin/pool"),
            new { destinations = destinations.Select(d => d.AbsoluteUri).ToList(), label }, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"the gateway at {admin} refused the pool: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }
}
