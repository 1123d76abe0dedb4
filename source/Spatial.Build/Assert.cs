using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Spatial.Build;

/// <summary>Checks that fail the build with a <see cref="BuildFailedException"/>.</summary>
public static class Assert
{
    /// <summary>Fails the build with the given text.</summary>
    [DoesNotReturn]
    public static void Fail(string text) => throw new BuildFailedException(text);

    /// <summary>Fails unless the condition holds.</summary>
    public static void True([DoesNotReturnIf(false)] bool condition, string? text = null, [CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        if (!condition)
            Fail(text ?? $"Assertion failed: {expression}");
    }

    /// <summary>Fails if the condition holds.</summary>
    public static void False([DoesNotReturnIf(true)] bool condition, string? text = null, [CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        if (condition)
            Fail(text ?? $"Assertion failed: !({expression})");
    }

    /// <summary>Fails if the object is null; returns it otherwise.</summary>
    public static T NotNull<T>([NotNull] T? obj, string? text = null, [CallerArgumentExpression(nameof(obj))] string? expression = null)
        where T : class
    {
        if (obj is null)
            Fail(text ?? $"Expected {expression} to be not null");
        return obj;
    }

    /// <summary>Fails if the value is null; returns it otherwise.</summary>
    public static T NotNull<T>([NotNull] T? obj, string? text = null, [CallerArgumentExpression(nameof(obj))] string? expression = null)
        where T : struct
    {
        if (obj is null)
            Fail(text ?? $"Expected {expression} to be not null");
        return obj.Value;
    }

    /// <summary>Fails if the string is null or empty.</summary>
    public static string NotNullOrEmpty([NotNull] string? value, string? text = null, [CallerArgumentExpression(nameof(value))] string? expression = null)
    {
        if (string.IsNullOrEmpty(value))
            Fail(text ?? $"Expected {expression} to be not null or empty");
        return value;
    }

    /// <summary>Fails if the collection is empty.</summary>
    public static IReadOnlyCollection<T> NotEmpty<T>(IReadOnlyCollection<T>? collection, string? text = null, [CallerArgumentExpression(nameof(collection))] string? expression = null)
    {
        if (collection is null || collection.Count == 0)
            Fail(text ?? $"Expected {expression} to be not empty");
        return collection;
    }

    /// <summary>Fails unless the file exists.</summary>
    public static void FileExists(string path, string? text = null)
    {
        if (!File.Exists(path))
            Fail(text ?? $"Expected file '{path}' to exist");
    }

    /// <summary>Fails unless the directory exists.</summary>
    public static void DirectoryExists(string path, string? text = null)
    {
        if (!Directory.Exists(path))
            Fail(text ?? $"Expected directory '{path}' to exist");
    }
}
