namespace Spatial.LoadTesting.Engine;

/// <summary>Numbers requests across the phases of a run, so the measured phase continues the payload rotation of the warm-up.</summary>
internal sealed class RequestSequence
{
    private long next = -1;

    public long Next() => Interlocked.Increment(ref next);
}
