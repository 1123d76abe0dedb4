namespace Spatial.LoadTesting.Engine;

/// <summary>How load arrives: a closed model (a fixed population of users) or an open model (a timetable of arrivals).</summary>
public abstract record LoadModel
{
    /// <summary>How long the measured phase lasts (after any warm-up).</summary>
    public abstract TimeSpan Duration { get; init; }

    /// <summary>Most requests in flight at once (the connection pool's size).</summary>
    public abstract int MaxConnections { get; }

    /// <summary>One line for reports.</summary>
    public abstract string Describe();
}

/// <summary>
/// Closed model: <paramref name="Users"/> users, each sending its next request when its last one is answered; they join
/// evenly over <paramref name="RampUp"/>. The server's speed sets the rate, so it cannot fall behind a timetable.
/// </summary>
public sealed record ClosedModel(int Users, TimeSpan Duration, TimeSpan RampUp = default) : LoadModel
{
    /// <inheritdoc />
    public override int MaxConnections => Users;

    /// <inheritdoc />
    public override string Describe() =>
        $"closed: {Users} users{(RampUp > TimeSpan.Zero ? $" joining over {RampUp.TotalSeconds:0.#} s" : "")} for {Duration.TotalSeconds:0.#} s";
}

/// <summary>
/// Open model: arrivals at <paramref name="RequestsPerSecond"/> on a timetable, whatever the server does, ramping
/// linearly from <paramref name="StartRate"/> over <paramref name="RampUp"/> when one is given. Latency counts from each
/// request's place on the timetable, so a request that waited for a connection carries its wait (no coordinated omission).
/// </summary>
public sealed record OpenModel(double RequestsPerSecond, TimeSpan Duration, int MaxConnections, TimeSpan RampUp = default, double StartRate = 0) : LoadModel
{
    /// <inheritdoc />
    public override int MaxConnections { get; } = MaxConnections;

    /// <summary>The asked arrival rate <paramref name="elapsed"/> into the phase.</summary>
    public double RateAt(TimeSpan elapsed) =>
        RampUp > TimeSpan.Zero && elapsed < RampUp
            ? StartRate + (RequestsPerSecond - StartRate) * (elapsed / RampUp)
            : RequestsPerSecond;

    /// <summary>
    /// The timetable: arrival k is due when the area under the rate curve reaches k (the first at 0), so a ramp is
    /// followed exactly and the count of arrivals is the integral of the rate; ends before <see cref="Duration"/>.
    /// </summary>
    public IEnumerable<TimeSpan> Arrivals()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RequestsPerSecond);
        var ramp = RampUp > TimeSpan.Zero ? RampUp.TotalSeconds : 0;
        var slope = ramp > 0 ? (RequestsPerSecond - StartRate) / ramp : 0;
        var inRamp = StartRate * ramp + slope * ramp * ramp / 2;
        for (long k = 0; ; k++)
        {
            double t;
            if (k < inRamp)
                // Solve StartRate t + slope t^2 / 2 = k.
                t = Math.Abs(slope) < 1e-12 ? k / StartRate : (-StartRate + Math.Sqrt(StartRate * StartRate + 2 * slope * k)) / slope;
            else
                t = ramp + (k - inRamp) / RequestsPerSecond;
            if (t >= Duration.TotalSeconds)
                yield break;
            yield return TimeSpan.FromSeconds(t);
        }
    }

    /// <inheritdoc />
    public override string Describe() =>
        $"open: {RequestsPerSecond:0.#} req/s{(RampUp > TimeSpan.Zero ? $" (ramping from {StartRate:0.#} over {RampUp.TotalSeconds:0.#} s)" : "")} for {Duration.TotalSeconds:0.#} s, at most {MaxConnections} connections";
}
