using Spatial.LoadTesting.Gates;

namespace Spatial.LoadTesting.Tests;

public sealed class ServiceLevelGateTests
{
    private static readonly LoadObjectives Staging = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), 0.005, 40);

    [Test]
    public void A_run_within_every_objective_passes_each_one()
    {
        var verdicts = ServiceLevelGate.Evaluate(SampleResults.With(p95: 31, p99: 45), Staging);
        Assert.Multiple(() =>
        {
            Assert.That(verdicts.Select(v => v.Objective), Is.EqualTo(new[] { "p95 latency", "p99 latency", "error rate", "throughput", "load delivered" }));
            Assert.That(verdicts.All(v => v.Passed));
            Assert.That(verdicts[0].Line, Is.EqualTo("p95 latency 31 ms within ≤ 250 ms"));
        });
    }

    [Test]
    public void Each_violated_objective_is_one_line_with_measured_and_allowed()
    {
        var result = SampleResults.With(p95: 300, p99: 640, sent: 300, failed: 6, seconds: 10, asked: 1000);
        var failures = ServiceLevelGate.Evaluate(result, Staging).Where(v => !v.Passed).Select(v => v.Line).ToList();
        Assert.That(failures, Is.EqualTo(new[]
        {
            "p95 latency 300 ms violates ≤ 250 ms",
            "p99 latency 640 ms violates ≤ 500 ms",
            "error rate 2 % (6/300) violates ≤ 0.5 %",
            "throughput 29.4 req/s violates ≥ 40 req/s",
            "load delivered 70 % not sent (700/1000) violates ≤ 1 %",
        }));
    }

    [Test]
    public void The_limit_itself_passes()
    {
        var verdicts = ServiceLevelGate.Evaluate(SampleResults.With(p95: 250, p99: 500), Staging);
        Assert.That(verdicts.Take(2).All(v => v.Passed));
    }

    [Test]
    public void A_run_that_sent_nothing_fails_its_error_rate()
    {
        var verdict = ServiceLevelGate.Evaluate(SampleResults.With(sent: 0, asked: 0), Staging).Single(v => v.Objective == "error rate");
        Assert.That(verdict.Passed, Is.False);
    }

    [Test]
    public void Tightening_takes_the_stricter_value_and_never_loosens()
    {
        var tightened = Staging.Tighten(p95: TimeSpan.FromMilliseconds(5), p99: TimeSpan.FromSeconds(3), maxErrorRate: 0, minThroughput: 10);
        Assert.Multiple(() =>
        {
            Assert.That(tightened.P95, Is.EqualTo(TimeSpan.FromMilliseconds(5)));
            Assert.That(tightened.P99, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            Assert.That(tightened.MaxErrorRate, Is.EqualTo(0));
            Assert.That(tightened.MinThroughput, Is.EqualTo(40));
        });
    }

    [Test]
    public void An_objective_that_is_not_set_is_not_judged()
    {
        var verdicts = ServiceLevelGate.Evaluate(SampleResults.With(), new LoadObjectives(TimeSpan.FromMilliseconds(100), null, null, null, null));
        Assert.That(verdicts.Select(v => v.Objective), Is.EqualTo(new[] { "p95 latency" }));
    }
}
