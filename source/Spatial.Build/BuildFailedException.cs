namespace Spatial.Build;

/// <summary>An expected build failure: the engine prints its message as one line, without a stack trace.</summary>
public sealed class BuildFailedException : Exception
{
    public BuildFailedException()
    {
    }

    public BuildFailedException(string message)
        : base(message)
    {
    }

    public BuildFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
