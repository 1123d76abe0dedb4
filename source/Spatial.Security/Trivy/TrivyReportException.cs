namespace Spatial.Security.Trivy;

/// <summary>A Trivy JSON report that cannot be read: malformed, or of a schema version this reader does not know.</summary>
public sealed class TrivyReportException : Exception
{
    public TrivyReportException()
    {
    }

    public TrivyReportException(string message)
        : base(message)
    {
    }

    public TrivyReportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
