namespace Spatial.Models.Registry;

/// <summary>A registry operation that cannot proceed (corrupt file, unknown model or version, refused promotion); the message is one line.</summary>
public sealed class RegistryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RegistryException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public RegistryException(string message, Exception inner) : base(message, inner) { }
}
