namespace Spatial.Kernels;

/// <summary>The requested accelerator does not exist on this machine (for example CUDA without a GPU or driver).</summary>
public sealed class AcceleratorUnavailableException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public AcceleratorUnavailableException(AcceleratorChoice choice, string message, Exception? inner = null)
        : base(message, inner) => Choice = choice;

    /// <summary>The accelerator that was asked for.</summary>
    public AcceleratorChoice Choice { get; }
}
