using Spatial.LoadTesting.Engine;
using Spatial.LoadTesting.Scenarios;

namespace Spatial.LoadTesting.Tests;

public sealed class LoadEngineTests
{
    private TestServer server = null!;

    [SetUp]
    public async Task StartServer() => server = await TestServer.StartAsync();

    [TearDown]
    public async Task StopServer() => await server.DisposeAsync();

    [Test]
    public async Task The_open_model_keeps_its_timetable_when_the_server_keeps_up()
    {
        var scenario = ClassifyScenarios.Get(new Uri(server.Address, "delay/20"));
        var result = await LoadEngine.RunAsync(scenario, new OpenModel(50, TimeSpan.FromSeconds(2), MaxConnections: 8), new LoadRunOptions());

        Assert.Multiple(() =>
        {
            Assert.That(result.Shortfall.Asked, Is.EqualTo(100));
            Assert.That(result.Sent, Is.EqualTo(100));
            Assert.That(result.Shortfall.Missing, Is.Zero);
            Assert.That(result.Succeeded, Is.EqualTo(100));
            Assert.That(server.Requests, Is.EqualTo(100));
            // The injected delay is a floor of every latency.
            Assert.That(result.ServiceTime.P50, Is.GreaterThanOrEqualTo(20));
            Assert.That(result.Latency.P50, Is.GreaterThanOrEqualTo(result.ServiceTime.P50));
        });
    }

    [Test]
    public async Task Queueing_behind_busy_connections_shows_in_latency_and_in_the_shortfall()
    {
        // 2 connections and 100 ms per answer hold at most 20 req/s; 50 req/s are asked for 2 s.
        var scenario = ClassifyScenarios.Get(new Uri(server.Address, "delay/100"));
        var result = await LoadEngine.RunAsync(scenario, new OpenModel(50, TimeSpan.FromSeconds(2), MaxConnections: 2), new LoadRunOptions());

        Assert.Multiple(() =>
        {
            Assert.That(result.Shortfall.Asked, Is.EqualTo(100));
            Assert.That(result.Sent, Is.LessThanOrEqualTo(42));
            Assert.That(result.Shortfall.Missing, Is.EqualTo(100 - result.Sent));
            Assert.That(result.Shortfall.Reason, Does.Contain("connection limit — all 2 connections busy"));
            // Coordinated omission is not hidden: counted from the timetable, the queueing is in the latency.
            Assert.That(result.ServiceTime.P95, Is.GreaterThanOrEqualTo(100));
            Assert.That(result.Latency.P95, Is.GreaterThan(3 * result.ServiceTime.P95));
        });
    }

    [Test]
    public async Task A_generator_that_cannot_keep_up_says_so()
    {
        // Building each request takes 30 ms, so the scheduler manages about 33 of the 100 req/s asked.
        var target = new Uri(server.Address, "ok");
        var slow = new Scenario("slow factory", _ =>
        {
            Thread.Sleep(30);
            return new ScenarioRequest(new HttpRequestMessage(HttpMethod.Get, target));
        });
        var result = await LoadEngine.RunAsync(slow, new OpenModel(100, TimeSpan.FromSeconds(2), MaxConnections: 16), new LoadRunOptions());

        Assert.Multiple(() =>
        {
            Assert.That(result.Shortfall.Asked, Is.EqualTo(200));
            Assert.That(result.Sent, Is.LessThanOrEqualTo(70));
            Assert.That(result.Shortfall.Missing, Is.EqualTo(200 - result.Sent));
            Assert.That(result.Shortfall.Reason, Does.Contain("generator CPU"));
            Assert.That(result.Shortfall.LateWithFreeConnection, Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task The_closed_model_is_bounded_by_count_and_counts_errors_by_status()
    {
        var endpoint = new Uri(server.Address, "v1/classify?fail");
        var scenario = new Scenario("failing classify", _ => new ScenarioRequest(
            new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent([1, 2, 3]) }, ResponseChecks.Label("margherita")));
        var result = await LoadEngine.RunAsync(scenario, new ClosedModel(3, TimeSpan.FromSeconds(20)), new LoadRunOptions(MaxRequests: 30));

        Assert.Multiple(() =>
        {
            Assert.That(result.Sent, Is.EqualTo(30));
            Assert.That(server.Requests, Is.EqualTo(30));
            Assert.That(result.Failed, Is.EqualTo(10));
            Assert.That(result.Errors, Is.EqualTo(new Dictionary<string, long> { ["HTTP 503"] = 10 }));
            Assert.That(result.ErrorRate, Is.EqualTo(1.0 / 3).Within(1e-9));
            Assert.That(result.BytesSent, Is.EqualTo(90));
            Assert.That(result.Shortfall.Reason, Is.Null);
        });
    }

    [Test]
    public async Task Payloads_rotate_and_a_wrong_label_is_a_failure()
    {
        Payload[] payloads = [new([1], "image/png", "margherita"), new([2], "image/png", "funghi")];
        var scenario = ClassifyScenarios.Classify(server.Address, payloads);
        var result = await LoadEngine.RunAsync(scenario, new ClosedModel(2, TimeSpan.FromSeconds(20)), new LoadRunOptions(MaxRequests: 20));

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.EqualTo(10));
            Assert.That(result.Errors, Is.EqualTo(new Dictionary<string, long> { ["wrong label"] = 10 }));
            Assert.That(server.ContentTypes["image/png"], Is.EqualTo(20));
        });
    }

    [Test]
    public async Task Multipart_bodies_carry_the_image_as_a_file_part()
    {
        var scenario = ClassifyScenarios.Classify(server.Address, [new Payload([1, 2, 3, 4], "image/png")], ClassifyScenarios.Body.Multipart);
        var result = await LoadEngine.RunAsync(scenario, new ClosedModel(1, TimeSpan.FromSeconds(20)), new LoadRunOptions(MaxRequests: 5));

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.EqualTo(5));
            Assert.That(server.ContentTypes["multipart/form-data"], Is.EqualTo(5));
        });
    }

    [Test]
    public async Task The_warm_up_is_sent_but_not_measured()
    {
        var scenario = ClassifyScenarios.Get(new Uri(server.Address, "ok"));
        var result = await LoadEngine.RunAsync(scenario, new ClosedModel(1, TimeSpan.FromSeconds(20)),
            new LoadRunOptions(Warmup: TimeSpan.FromMilliseconds(300), MaxRequests: 10));

        Assert.Multiple(() =>
        {
            Assert.That(result.Sent, Is.EqualTo(10));
            Assert.That(result.Latency.Count, Is.EqualTo(10));
            Assert.That(server.Requests, Is.GreaterThan(10));
        });
    }

    [Test]
    public async Task A_slow_answer_is_a_timeout_error()
    {
        var scenario = ClassifyScenarios.Get(new Uri(server.Address, "delay/5000"));
        var result = await LoadEngine.RunAsync(scenario, new ClosedModel(1, TimeSpan.FromSeconds(20)),
            new LoadRunOptions(RequestTimeout: TimeSpan.FromMilliseconds(200), MaxRequests: 2));

        Assert.That(result.Errors, Is.EqualTo(new Dictionary<string, long> { ["timeout"] = 2 }));
    }

    [Test]
    public void Load_to_an_address_that_is_not_loopback_is_refused()
    {
        Assert.That(() => ClassifyScenarios.Get(new Uri("http://192.0.2.10/ok")),
            Throws.ArgumentException.With.Message.Contains("load goes only to loopback addresses (127.0.0.1, ::1, localhost); refused: http://192.0.2.10/ok"));

        var sneaky = new Scenario("elsewhere", _ => new ScenarioRequest(new HttpRequestMessage(HttpMethod.Get, "http://192.0.2.10/ok")));
        Assert.That(async () => await LoadEngine.RunAsync(sneaky, new ClosedModel(1, TimeSpan.FromSeconds(5)), new LoadRunOptions(MaxRequests: 1)),
            Throws.ArgumentException.With.Message.Contains("refused: http://192.0.2.10/ok"));
    }

    [Test]
    public async Task Progress_is_reported_and_ends_with_every_request_finished()
    {
        var snapshots = new List<LoadProgress>();
        var sink = new Sink(snapshots);
        var scenario = ClassifyScenarios.Get(new Uri(server.Address, "ok"));
        var result = await LoadEngine.RunAsync(scenario, new OpenModel(20, TimeSpan.FromSeconds(2), MaxConnections: 2), new LoadRunOptions(), sink);

        lock (snapshots)
        {
            Assert.That(snapshots, Is.Not.Empty);
            var last = snapshots[^1];
            Assert.Multiple(() =>
            {
                Assert.That(last.Phase, Is.EqualTo("measured"));
                Assert.That(last.Completed, Is.EqualTo(result.Sent));
                Assert.That(last.InFlight, Is.Zero);
            });
        }
    }

    private sealed class Sink(List<LoadProgress> snapshots) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value)
        {
            lock (snapshots)
                snapshots.Add(value);
        }
    }
}
