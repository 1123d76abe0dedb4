namespace Spatial.Models;

/// <summary>A model package that cannot be used: its message is one line naming the package, the check and what failed.</summary>
public sealed class ModelPackageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelPackageException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public ModelPackageException(string message, Exception inner) : base(message, inner) { }
}
