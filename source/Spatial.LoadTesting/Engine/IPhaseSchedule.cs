namespace Spatial.LoadTesting.Engine;

/// <summary>When a phase's requests go out: the load model turned into sends.</summary>
internal interface IPhaseSchedule
{
    /// <summary>Requests the model asks for in the phase.</summary>
    long Asked { get; }

    /// <summary>Requests due by now that have not been sent (0 for a closed model).</summary>
    long Missing(long sent);

    /// <summary>Sends until the phase's time or count runs out; returns without waiting for requests in flight.</summary>
    Task RunAsync(long startTimestamp, RequestSender sender, CancellationToken cancellationToken);
}
