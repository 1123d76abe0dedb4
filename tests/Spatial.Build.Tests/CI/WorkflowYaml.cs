using YamlDotNet.RepresentationModel;

namespace Spatial.Tests.Workflows;

/// <summary>A generated workflow read back with YamlDotNet, with the look-ups the tests need.</summary>
internal sealed class WorkflowYaml
{
    private WorkflowYaml(YamlMappingNode root) => Root = root;

    public YamlMappingNode Root { get; }

    public static WorkflowYaml Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new WorkflowYaml((YamlMappingNode)stream.Documents.Single().RootNode);
    }

    public IReadOnlyList<string> JobIds => Mapping(Root, "jobs").Children.Keys.Select(Text).ToList();

    public YamlMappingNode Job(string id) => Mapping(Mapping(Root, "jobs"), id);

    public IReadOnlyList<string> Needs(string job) =>
        Job(job).Children.TryGetValue(new YamlScalarNode("needs"), out var needs) ? ((YamlSequenceNode)needs).Children.Select(Text).ToList() : [];

    public IReadOnlyList<YamlMappingNode> Steps(string job) =>
        ((YamlSequenceNode)Job(job).Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>().ToList();

    /// <summary>The <c>run:</c> of the step that calls the build.</summary>
    public string BuildCommand(string job) => Steps(job).Select(x => Value(x, "run")).Single(x => x?.StartsWith("./build.sh", StringComparison.Ordinal) == true)!;

    /// <summary>The <c>with:</c> blocks of the steps using the given action (name without version).</summary>
    public IReadOnlyList<YamlMappingNode> With(string job, string action) =>
        Steps(job).Where(x => Value(x, "uses")?.StartsWith(action + "@", StringComparison.Ordinal) == true).Select(x => Mapping(x, "with")).ToList();

    public static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    public static string? Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    public static IReadOnlyList<string> Sequence(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Select(Text).ToList();

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value!;
}
