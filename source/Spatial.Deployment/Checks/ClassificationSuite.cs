using System.Net.Http.Headers;
using System.Text.Json;
using Spatial.Deployment.Hosting;

namespace Spatial.Deployment.Checks;

/// <summary>
/// The classification suite: the generated validation set through the gateway by concurrent clients (every request
/// answered, accuracy at least the environment's minimum), and the first images sent to every replica directly, which
/// must all answer the same label and the same probabilities.
/// </summary>
public static class ClassificationSuite
{
    private const string Suite = "classification";

    /// <summary>How the suite runs.</summary>
    /// <param name="Images">The validation images.</param>
    /// <param name="Clients">Concurrent clients through the gateway.</param>
    /// <param name="PerReplica">How many images every replica classifies directly for the agreement check.</param>
    public sealed record Options(IReadOnlyList<ValidationImages.Image> Images, int Clients, int PerReplica);

    /// <summary>The suite's figures, besides its checks.</summary>
    public sealed record Figures(int Sent, int Answered, int Correct, double Accuracy, TimeSpan Elapsed);

    /// <summary>Runs the suite; each check is a result.</summary>
    public static async Task<(IReadOnlyList<SuiteCheck> Checks, Figures Figures)> RunAsync(DeployedEnvironment deployment, Options options, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients }) { Timeout = TimeSpan.FromSeconds(60) };
        var checks = new List<SuiteCheck>();
        var started = System.Diagnostics.Stopwatch.StartNew();

        var answers = new Answer?[options.Images.Count];
        var next = -1;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < options.Images.Count)
            {
                var (answer, problem) = await ClassifyAsync(http, deployment.Address, options.Images[index].Png, cancellationToken);
                answers[index] = answer;
                if (problem is not null)
                    failures.Add($"image {index}: {problem}");
            }
        }));
        var elapsed = started.Elapsed;
        var answered = answers.Count(a => a is not null);
        var correct = options.Images.Where((image, i) => answers[i]?.Label == image.Label).Count();
        var accuracy = options.Images.Count == 0 ? 0 : (double)correct / options.Images.Count;
        var minimum = deployment.Environment.ModelPolicy.MinimumAccuracy;
        checks.Add(new SuiteCheck(Suite, $"{options.Images.Count} images by {options.Clients} concurrent clients through the gateway",
            failures.IsEmpty, failures.IsEmpty ? $"all answered in {elapsed.TotalSeconds:0.0} s" : $"{failures.Count} failed, first: {failures.First()}"));
        checks.Add(new SuiteCheck(Suite, $"accuracy through the API at least {minimum:P0} ({deployment.Environment.Name})",
            accuracy >= minimum, $"{accuracy:P2} ({correct}/{options.Images.Count})"));

        var agreement = await AgreementAsync(http, deployment, options, answers, cancellationToken);
        checks.Add(agreement);
        return (checks, new Figures(options.Images.Count, answered, correct, accuracy, elapsed));
    }

    private static async Task<SuiteCheck> AgreementAsync(HttpClient http, DeployedEnvironment deployment, Options options, Answer?[] throughGateway, CancellationToken cancellationToken)
    {
        var name = $"every replica ({deployment.Replicas.Count}) answers the same label and probabilities for {options.PerReplica} images";
        var count = Math.Min(options.PerReplica, options.Images.Count);
        for (var i = 0; i < count; i++)
        {
            foreach (var replica in deployment.Replicas)
            {
                var (answer, problem) = await ClassifyAsync(http, replica.BaseAddress, options.Images[i].Png, cancellationToken);
                if (answer is null)
                    return new SuiteCheck(Suite, name, false, $"{replica.Name}, image {i}: {problem}");
                if (throughGateway[i] is not { } reference)
                    return new SuiteCheck(Suite, name, false, $"image {i} got no answer through the gateway");
                if (!answer.SameAs(reference))
                    return new SuiteCheck(Suite, name, false, $"{replica.Name}, image {i}: {answer} differs from {reference} through the gateway");
            }
        }
        return new SuiteCheck(Suite, name, true, $"{count * deployment.Replicas.Count} answers identical");
    }

    private static async Task<(Answer? Answer, string? Problem)> ClassifyAsync(HttpClient http, Uri baseAddress, byte[] png, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ByteArrayContent(png);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            using var response = await http.PostAsync(new Uri(baseAddress, "v1/classify"), content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
                return (null, $"HTTP {(int)response.StatusCode}: {(body.Length > 200 ? body[..200] : body)}");
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var probabilities = root.GetProperty("probabilities").EnumerateObject()
                .OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => (p.Name, p.Value.GetSingle())).ToList();
            return (new Answer(root.GetProperty("label").GetString()!, probabilities), null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return (null, e.Message);
        }
    }

    private sealed record Answer(string Label, IReadOnlyList<(string Class, float Probability)> Probabilities)
    {
        public bool SameAs(Answer other) => Label == other.Label && Probabilities.SequenceEqual(other.Probabilities);

        public override string ToString() => $"{Label} ({string.Join(", ", Probabilities.Select(p => $"{p.Class} {p.Probability:R}"))})";
    }
}
