using Spatial.LoadTesting.Engine;

namespace Spatial.LoadTesting.Tests;

public sealed class LoadModelTests
{
    [Test]
    public void A_constant_rate_timetable_spaces_arrivals_evenly()
    {
        var arrivals = new OpenModel(100, TimeSpan.FromSeconds(2), MaxConnections: 4).Arrivals().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(arrivals, Has.Count.EqualTo(200));
            Assert.That(arrivals[0], Is.EqualTo(TimeSpan.Zero));
            Assert.That(arrivals[1].TotalMilliseconds, Is.EqualTo(10).Within(1e-6));
            Assert.That(arrivals[199].TotalMilliseconds, Is.EqualTo(1990).Within(1e-6));
        });
    }

    [Test]
    public void A_ramp_asks_for_the_area_under_the_rate()
    {
        // 0 -> 100 req/s over 2 s (100 arrivals), then 100 req/s for 1 s (100 more).
        var model = new OpenModel(100, TimeSpan.FromSeconds(3), MaxConnections: 4, RampUp: TimeSpan.FromSeconds(2), StartRate: 0);
        var arrivals = model.Arrivals().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(arrivals, Has.Count.EqualTo(200));
            // Half the ramp's arrivals come in its last ~29 % (t = 2 * sqrt(1/2) = 1.414 s).
            Assert.That(arrivals[50].TotalSeconds, Is.EqualTo(1.41421).Within(1e-4));
            Assert.That(arrivals, Is.Ordered);
            Assert.That(model.RateAt(TimeSpan.FromSeconds(1)), Is.EqualTo(50));
        });
    }
}
