using System.Text.RegularExpressions;
using System.Xml.Linq;
using Spatial.Build.IO;

namespace Spatial.Build.ProjectModel;

/// <summary>A solution file and its projects, read from a <c>.sln</c> or <c>.slnx</c> file.</summary>
public sealed partial class Solution
{
    // Solution folders are entries too; they carry this project type.
    private const string SolutionFolderType = "2150E333-8FDC-42A3-9474-1A3956D46DE8";

    private Solution(AbsolutePath path, IReadOnlyList<Project> projects)
    {
        Path = path;
        Projects = projects;
    }

    public AbsolutePath Path { get; }

    public AbsolutePath Directory => Path.Parent!;

    /// <summary>The projects in the order the file lists them (solution folders left out).</summary>
    public IReadOnlyList<Project> Projects { get; }

    public static implicit operator string(Solution solution) => solution?.Path ?? string.Empty;

    /// <summary>The project with that name (case-insensitive); fails listing the projects when there is none.</summary>
    public Project GetProject(string name) =>
        Projects.FirstOrDefault(x => x.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new BuildFailedException($"Solution {Path.Name} has no project '{name}'. Projects: {string.Join(", ", Projects.Select(x => x.Name))}.");

    /// <summary>Reads the file; a missing file fails naming it.</summary>
    public static Solution Read(AbsolutePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.FileExists())
            throw new BuildFailedException($"Solution file {path} does not exist.");
        var directory = path.Parent!;
        var projects = path.Extension.Equals(".slnx", StringComparison.OrdinalIgnoreCase)
            ? ReadXml(path, directory)
            : ReadText(path, directory);
        return new Solution(path, projects);
    }

    public override string ToString() => Path;

    private static List<Project> ReadText(AbsolutePath path, AbsolutePath directory) =>
        ProjectLine().Matches(path.ReadAllText())
            .Where(x => !x.Groups["type"].Value.Equals(SolutionFolderType, StringComparison.OrdinalIgnoreCase))
            .Select(x => new Project(x.Groups["name"].Value, directory / Portable(x.Groups["path"].Value)))
            .ToList();

    private static List<Project> ReadXml(AbsolutePath path, AbsolutePath directory) =>
        XDocument.Parse(path.ReadAllText()).Descendants("Project")
            .Select(x => (string?)x.Attribute("Path"))
            .OfType<string>()
            .Select(x => new Project(System.IO.Path.GetFileNameWithoutExtension(Portable(x)), directory / Portable(x)))
            .ToList();

    // Solution files write Windows separators; every OS reads them.
    private static string Portable(string relativePath) => relativePath.Replace('\\', '/');

    [GeneratedRegex(@"^Project\(""\{(?<type>[^}]+)\}""\)\s*=\s*""(?<name>[^""]+)"",\s*""(?<path>[^""]+)""", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();
}

/// <summary>A project of a solution.</summary>
public sealed record Project(string Name, AbsolutePath Path)
{
    public AbsolutePath Directory => Path.Parent!;

    public static implicit operator string(Project project) => project?.Path ?? string.Empty;

    public override string ToString() => Path;
}
