using System.Net;
using System.Text.Json;
using Spatial.Kernels;
using Spatial.Kernels.Imaging;
using Spatial.Models;
using Spatial.Models.Data;
using Spatial.Models.Registry;
using Spatial.Service.Model;
using Spatial.Service.Options;
using Spatial.Service.Tests.Support;

namespace Spatial.Service.Tests;

/// <summary>
/// The built executable serving the shipped model (the repository's models/ registry), compared with the
/// in-process forward pass on the validation set. Skipped, with the reason, where no registry exists.
/// </summary>
[Category("RealModel")]
[NonParallelizable]
public sealed class RealModelTests
{
    private const int ValidationImages = 60;
    private string _packageDirectory = null!;
    private ServiceProcess _service = null!;
    private HttpClient _client = null!;
    private ModelManifest _manifest = null!;
    private int _notReadyAnswers;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var root = FindModelsRoot();
        if (root is null)
            Assert.Ignore($"no models/{ModelRegistry.FileName} above {AppContext.BaseDirectory}: the shipped model is not in this checkout");
        _packageDirectory = ModelLocation.Resolve(new ModelOptions { RegistryRoot = root });
        _manifest = ModelPackage.Load(_packageDirectory).Manifest;

        var port = ServiceProcess.FreePort();
        List<string> args = ["--Spatial:Server:Address=127.0.0.1", $"--Spatial:Server:Port={port}", "--Spatial:Model:Accelerator=Cpu"];
        // The repository's registry is found by the default lookup from the repository root; any other is named.
        if (Path.GetFileName(root) != "models")
            args.Add($"--Spatial:Model:RegistryRoot={root}");
        _service = ServiceProcess.Start(Path.GetDirectoryName(root)!, [.. args]);
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            Assert.That(_service.HasExited, Is.False, () => $"the service exited: {_service.Output}{_service.Error}");
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), () => $"not ready after 120 s: {_service.Output}{_service.Error}");
            try
            {
                using var ready = await _client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                    break;
                _notReadyAnswers++;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(25);
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client?.Dispose();
        if (_service is not null)
            await _service.DisposeAsync();
    }

    [Test, Order(1)]
    public async Task The_default_model_is_the_registrys_newest_and_ready_follows_warm_up()
    {
        using var response = await _client.GetAsync(new Uri("/v1/model", UriKind.Relative));
        var model = await Requests.JsonAsync(response);
        await TestContext.Out.WriteLineAsync($"serving {_manifest.DisplayName} from {_packageDirectory}; /health/ready answered 503 {_notReadyAnswers} time(s) before 200");

        Assert.Multiple(() =>
        {
            Assert.That(model.GetProperty("name").GetString(), Is.EqualTo(_manifest.Name));
            Assert.That(model.GetProperty("version").GetString(), Is.EqualTo(_manifest.Version));
            Assert.That(model.GetProperty("classes").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(_manifest.Classes));
            Assert.That(model.GetProperty("accelerator").GetProperty("kind").GetString(), Is.EqualTo("Cpu"));
            Assert.That(model.GetProperty("state").GetString(), Is.EqualTo("Ready"));
            // Readiness is set by warm-up, which logs once it has verified the model's output.
            Assert.That(_service.Output, Does.Contain($"Model {_manifest.Name} {_manifest.Version} ready on Cpu"));
        });
    }

    [Test, Order(2)]
    public async Task The_validation_set_through_the_api_matches_the_in_process_forward_pass_exactly()
    {
        var samples = new PizzaImageGenerator(ModelEvaluator.ValidationSeed).GenerateRange(0, ValidationImages);
        var pngs = samples.Select(sample => TestImages.Png(sample.Image)).ToArray();
        using var backend = KernelBackends.Create(AcceleratorChoice.Cpu);
        using var reference = new DualEncoderClassifier(ModelPackage.Load(_packageDirectory), backend);
        var expected = pngs.Select(png => reference.Classify([ImageDecoder.Decode(png)]).Results[0]).ToArray();

        using var gate = new SemaphoreSlim(8);
        var answers = await Task.WhenAll(pngs.Select(async png =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await _client.PostAsync(Requests.Classify, Requests.Body(png, "image/png"));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
                return await Requests.JsonAsync(response);
            }
            finally
            {
                gate.Release();
            }
        }));

        var correct = samples.Where((sample, i) => answers[i].GetProperty("label").GetString() == sample.Class.Label()).Count();
        var batched = answers.Count(a => a.GetProperty("timings").GetProperty("batchSize").GetInt32() > 1);
        await TestContext.Out.WriteLineAsync($"{ValidationImages} validation images: {correct} labelled as generated ({100.0 * correct / ValidationImages:F1} %), {batched} rode in batches larger than 1");
        for (var i = 0; i < pngs.Length; i++)
            AssertSame(answers[i], expected[i], $"validation image {i}");
    }

    [Test, Order(3)]
    public async Task A_batch_request_matches_the_in_process_forward_pass_exactly()
    {
        var samples = new PizzaImageGenerator(ModelEvaluator.ValidationSeed).GenerateRange(100, 5);
        var pngs = samples.Select(sample => TestImages.Png(sample.Image)).ToArray();
        using var backend = KernelBackends.Create(AcceleratorChoice.Cpu);
        using var reference = new DualEncoderClassifier(ModelPackage.Load(_packageDirectory), backend);
        var expected = pngs.Select(png => reference.Classify([ImageDecoder.Decode(png)]).Results[0]).ToArray();
        using var content = Requests.Multipart(pngs.Select((png, i) => ($"{i}.png", png, "image/png")).ToArray());

        using var response = await _client.PostAsync(Requests.ClassifyBatch, content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var results = (await Requests.JsonAsync(response)).GetProperty("results").EnumerateArray().ToArray();
        Assert.That(results, Has.Length.EqualTo(5));
        for (var i = 0; i < results.Length; i++)
            AssertSame(results[i], expected[i], $"part {i}");
    }

    [Test, Order(4)]
    public async Task Sigterm_stops_the_process_cleanly()
    {
        _service.Terminate();
        var exitCode = await _service.WaitForExitAsync(TimeSpan.FromSeconds(40));

        Assert.That(exitCode, Is.Zero, _service.Output + _service.Error);
        Assert.That(_service.Output, Does.Contain("Application is shutting down"));
    }

    private static void AssertSame(JsonElement answer, ClassificationResult expected, string what)
    {
        var probabilities = answer.GetProperty("probabilities").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetSingle());
        Assert.Multiple(() =>
        {
            Assert.That(answer.GetProperty("label").GetString(), Is.EqualTo(expected.Label), what);
            Assert.That(answer.GetProperty("confidence").GetSingle(), Is.EqualTo(expected.Confidence), what);
            Assert.That(probabilities, Is.EqualTo(expected.Probabilities), what);
        });
    }

    /// <summary>The repository's models/ registry; SPATIAL_TEST_MODELS_ROOT points the tests at another one.</summary>
    private static string? FindModelsRoot()
    {
        if (Environment.GetEnvironmentVariable("SPATIAL_TEST_MODELS_ROOT") is { Length: > 0 } configured)
            return Path.GetFullPath(configured);
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "models");
            if (File.Exists(Path.Combine(candidate, ModelRegistry.FileName)))
                return candidate;
        }
        return null;
    }
}
