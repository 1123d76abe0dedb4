using System.Security.Cryptography;
using System.Text;

namespace Spatial.Deployment.Images;

/// <summary>A list of Debian package names, one a line; <c>#</c> starts a comment.</summary>
public sealed class PackageList
{
    private PackageList(IReadOnlyList<string> packages) => Packages = packages;

    /// <summary>The package names, in file order.</summary>
    public IReadOnlyList<string> Packages { get; }

    /// <summary>Reads and checks a package list file.</summary>
    public static PackageList Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : throw new FileNotFoundException($"package list {path} does not exist", path);

    /// <summary>Parses package list text; <paramref name="source"/> names it in errors.</summary>
    public static PackageList Parse(string text, string source = "package list")
    {
        var packages = new List<string>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Split('#')[0].Trim();
            if (line.Length == 0)
                continue;
            // Debian package names: lower case letters, digits, '+', '-', '.'; anything else would be passed to apt-get as an option or a pattern.
            if (!char.IsAsciiLetterLower(line[0]) && !char.IsAsciiDigit(line[0]) || !line.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '+' or '-' or '.'))
                throw new FormatException($"{source}:{lineNumber}: '{line}' is not a Debian package name");
            if (packages.Contains(line))
                throw new FormatException($"{source}:{lineNumber}: '{line}' is listed twice");
            packages.Add(line);
        }
        if (packages.Count == 0)
            throw new FormatException($"{source} names no package");
        return new PackageList(packages);
    }

    /// <summary>Lower-case hex SHA-256 over the package names in order, ignoring comments and blank lines.</summary>
    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Packages))));
}
