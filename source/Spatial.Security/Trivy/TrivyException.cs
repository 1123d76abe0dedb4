namespace Spatial.Security.Trivy;

/// <summary>Trivy could not be found, verified or run; the message says what to do.</summary>
public sealed class TrivyException : Exception
{
    public TrivyException()
    {
    }

    public TrivyException(string message)
        : base(message)
    {
    }

    public TrivyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
