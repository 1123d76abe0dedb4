namespace Spatial.Build.IO;

/// <summary>A normalised absolute file-system path; <c>root / "src" / "x.cs"</c> builds paths.</summary>
public sealed class AbsolutePath : IEquatable<AbsolutePath>
{
    private readonly string _path;

    private AbsolutePath(string path)
    {
        _path = path;
    }

    /// <summary>Creates a path; the text must be rooted.</summary>
    public static AbsolutePath Create(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!Path.IsPathRooted(path))
            throw new ArgumentException($"'{path}' is not an absolute path.", nameof(path));
        var full = Path.GetFullPath(path);
        var trimmed = full.Length > Path.GetPathRoot(full)!.Length ? full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : full;
        return new AbsolutePath(trimmed);
    }

    public static explicit operator AbsolutePath(string path) => Create(path);

    public static implicit operator string(AbsolutePath path) => path._path;

    /// <summary>Appends a relative part (which may contain <c>..</c> or several segments).</summary>
    public static AbsolutePath operator /(AbsolutePath left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (Path.IsPathRooted(right))
            throw new ArgumentException($"Cannot append the rooted path '{right}' to '{left}'.", nameof(right));
        return Create(Path.Combine(left._path, right));
    }

    /// <summary>The containing folder, or null at the file-system root.</summary>
    public AbsolutePath? Parent => Path.GetDirectoryName(_path) is { } parent ? new AbsolutePath(parent) : null;

    public string Name => Path.GetFileName(_path);

    public string NameWithoutExtension => Path.GetFileNameWithoutExtension(_path);

    public string Extension => Path.GetExtension(_path);

    public bool Exists() => File.Exists(_path) || Directory.Exists(_path);

    public bool FileExists() => File.Exists(_path);

    public bool DirectoryExists() => Directory.Exists(_path);

    public AbsolutePath CreateDirectory()
    {
        Directory.CreateDirectory(_path);
        return this;
    }

    /// <summary>Creates the folder, or empties it when it exists.</summary>
    public AbsolutePath CreateOrCleanDirectory()
    {
        DeleteDirectory();
        return CreateDirectory();
    }

    public void DeleteDirectory()
    {
        if (Directory.Exists(_path))
            Directory.Delete(_path, recursive: true);
    }

    public void DeleteFile()
    {
        if (File.Exists(_path))
            File.Delete(_path);
    }

    public string ReadAllText() => File.ReadAllText(_path);

    public byte[] ReadAllBytes() => File.ReadAllBytes(_path);

    /// <summary>Writes the text, creating the parent folder when needed.</summary>
    public AbsolutePath WriteAllText(string content)
    {
        Parent?.CreateDirectory();
        File.WriteAllText(_path, content);
        return this;
    }

    public AbsolutePath WriteAllBytes(byte[] content)
    {
        Parent?.CreateDirectory();
        File.WriteAllBytes(_path, content);
        return this;
    }

    /// <summary>Files under this folder matching a simple pattern (<c>*.json</c>), optionally recursive.</summary>
    public IReadOnlyList<AbsolutePath> GetFiles(string pattern = "*", bool recursive = false) =>
        !Directory.Exists(_path)
            ? []
            : Directory.EnumerateFiles(_path, pattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
                .Order(StringComparer.Ordinal).Select(Create).ToList();

    /// <summary>This path relative to <paramref name="basePath"/>.</summary>
    public string GetRelativePathFrom(AbsolutePath basePath) => Path.GetRelativePath(basePath, _path);

    /// <summary>Whether this path is <paramref name="other"/> or lies below it.</summary>
    public bool IsDescendantOf(AbsolutePath other) =>
        _path == other._path || _path.StartsWith(other._path.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    public bool Equals(AbsolutePath? other) => other is not null && string.Equals(_path, other._path, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is AbsolutePath other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_path);

    public static bool operator ==(AbsolutePath? left, AbsolutePath? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(AbsolutePath? left, AbsolutePath? right) => !(left == right);

    public override string ToString() => _path;
}
