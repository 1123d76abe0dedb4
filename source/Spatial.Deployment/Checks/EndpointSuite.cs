using System.Net;
using System.Text;
using System.Text.Json;
using Spatial.Deployment.Hosting;

namespace Spatial.Deployment.Checks;

/// <summary>
/// The endpoint suite, through a deployment's gateway: probes, model and release info, metrics in Prometheus' format,
/// and the error contract (each kind of bad input gets its status and problem type). Expected values are the
/// service's published contract, written here as literals.
/// </summary>
public static class EndpointSuite
{
    private const string Suite = "endpoints";

    /// <summary>Runs every check; never throws for a failed check (each is a result).</summary>
    public static async Task<IReadOnlyList<SuiteCheck>> RunAsync(DeployedEnvironment deployment, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = deployment.Address, Timeout = TimeSpan.FromSeconds(30) };
        var release = deployment.Release;
        var checks = new List<SuiteCheck>
        {
            await StatusAsync(http, "GET /health/live", () => http.GetAsync("health/live", cancellationToken), HttpStatusCode.OK),
            await StatusAsync(http, "GET /health/ready", () => http.GetAsync("health/ready", cancellationToken), HttpStatusCode.OK),
            await JsonAsync(http, "GET /v1/model", "v1/model", root =>
                root.GetProperty("name").GetString() == release.ModelName && root.GetProperty("version").GetString() == release.ModelVersion
                    ? null
                    : $"serves {root.GetProperty("name")} {root.GetProperty("version")}, release has {release.ModelName} {release.ModelVersion}", cancellationToken),
            await JsonAsync(http, "GET /v1/release", "v1/release", root =>
                ServedRelease.Parse(root.GetRawText()).MismatchWith(release), cancellationToken),
            await MetricsAsync(http, "GET /metrics (replica, through the gateway)", new Uri(deployment.Address, "metrics"), "http_requests_received_total", cancellationToken),
            await MetricsAsync(http, "GET /metrics (gateway admin)", new Uri(deployment.Gateway.AdminAddress!, "metrics"), "spatial_gateway_requests_total", cancellationToken),
            await ProblemAsync(http, "unsupported content type", Body("text/plain", "hello"u8.ToArray()), 415, "urn:spatial:problem:unsupported-content-type", cancellationToken),
            await ProblemAsync(http, "empty body", Body("image/png", []), 400, "urn:spatial:problem:empty-body", cancellationToken),
            await ProblemAsync(http, "bytes that are not an image", Body("image/png", Encoding.ASCII.GetBytes("definitely not a png")), 400, "urn:spatial:problem:not-an-image", cancellationToken),
            await StatusAsync(http, "GET /v1/nothing-here is 404", () => http.GetAsync("v1/nothing-here", cancellationToken), HttpStatusCode.NotFound),
        };
        return checks;
    }

    private static ByteArrayContent Body(string contentType, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return content;
    }

    private static async Task<SuiteCheck> StatusAsync(HttpClient http, string name, Func<Task<HttpResponseMessage>> send, HttpStatusCode expected)
    {
        try
        {
            using var response = await send();
            return new SuiteCheck(Suite, name, response.StatusCode == expected, $"HTTP {(int)response.StatusCode} (expected {(int)expected})");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new SuiteCheck(Suite, name, false, e.Message);
        }
    }

    private static async Task<SuiteCheck> JsonAsync(HttpClient http, string name, string path, Func<JsonElement, string?> problem, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(path, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
                return new SuiteCheck(Suite, name, false, $"HTTP {(int)response.StatusCode}: {body}");
            using var document = JsonDocument.Parse(body);
            var found = problem(document.RootElement);
            return new SuiteCheck(Suite, name, found is null, found ?? "HTTP 200, matches the release");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new SuiteCheck(Suite, name, false, e.Message);
        }
    }

    private static async Task<SuiteCheck> MetricsAsync(HttpClient http, string name, Uri uri, string expectedMetric, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
                return new SuiteCheck(Suite, name, false, $"HTTP {(int)response.StatusCode}");
            var (metrics, problem) = PrometheusText.Parse(body);
            if (problem is not null)
                return new SuiteCheck(Suite, name, false, problem);
            return metrics.Contains(expectedMetric)
                ? new SuiteCheck(Suite, name, true, $"{metrics.Count} series names, {expectedMetric} among them")
                : new SuiteCheck(Suite, name, false, $"{expectedMetric} is missing from {metrics.Count} series names");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new SuiteCheck(Suite, name, false, e.Message);
        }
    }

    private static async Task<SuiteCheck> ProblemAsync(HttpClient http, string name, HttpContent content, int status, string type, CancellationToken cancellationToken)
    {
        var label = $"POST /v1/classify with {name} is {status} {type}";
        try
        {
            using (content)
            using (var response = await http.PostAsync("v1/classify", content, cancellationToken))
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                using var document = JsonDocument.Parse(body);
                var gotType = document.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
                var passed = (int)response.StatusCode == status && gotType == type && mediaType == "application/problem+json";
                return new SuiteCheck(Suite, label, passed, $"HTTP {(int)response.StatusCode} {mediaType} type {gotType}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new SuiteCheck(Suite, label, false, e.Message);
        }
    }
}
