namespace Spatial.Service.Model;

/// <summary>Where the served model is in its life; only <see cref="ModelState.Ready"/> takes readiness traffic.</summary>
public enum ModelState
{
    /// <summary>Loaded and verified, warm-up not finished.</summary>
    WarmingUp,

    /// <summary>Warmed up and verified: serving.</summary>
    Ready,

    /// <summary>Warm-up failed; the process is stopping.</summary>
    Failed,

    /// <summary>Shutdown began: in-flight requests drain, load balancers should stop sending.</summary>
    Stopping,
}

/// <summary>The one place that knows whether the service may take traffic; read by the readiness check.</summary>
public sealed class ModelReadiness
{
    private volatile StateAndReason _current = new(ModelState.WarmingUp, "warming up");

    /// <summary>Current state.</summary>
    public ModelState State => _current.State;

    /// <summary>Why the service is in its state, for the readiness response and logs.</summary>
    public string Reason => _current.Reason;

    /// <summary>Marks the model warmed up and verified.</summary>
    public void MarkReady() => Move(ModelState.Ready, "model loaded, verified and warmed up");

    /// <summary>Marks warm-up failed.</summary>
    public void MarkFailed(string reason) => Move(ModelState.Failed, reason);

    /// <summary>Marks shutdown begun.</summary>
    public void MarkStopping() => Move(ModelState.Stopping, "shutting down");

    private void Move(ModelState state, string reason)
    {
        // A stopping or failed service never becomes ready again.
        if (_current.State is ModelState.Stopping or ModelState.Failed && state == ModelState.Ready)
            return;
        _current = new StateAndReason(state, reason);
    }

    private sealed record StateAndReason(ModelState State, string Reason);
}
