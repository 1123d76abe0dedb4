namespace Spatial.Build.CI.Yaml;

/// <summary>A node of a generated YAML document: a mapping, a sequence or a scalar.</summary>
internal abstract class YamlNode;

/// <summary>A scalar; <see cref="Literal"/> ones (booleans, numbers) are written as they are, text is quoted when YAML would misread it.</summary>
internal sealed class YamlScalar(string text, bool literal = false) : YamlNode
{
    public string Text { get; } = text;

    public bool Literal { get; } = literal;

    public static YamlScalar Boolean(bool value) => new(value ? "true" : "false", literal: true);

    public static YamlScalar Number(int value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), literal: true);
}

/// <summary>A sequence; <see cref="Flow"/> writes scalars on one line (<c>[a, b]</c>).</summary>
internal sealed class YamlSequence(IEnumerable<YamlNode> items, bool flow = false) : YamlNode
{
    public IReadOnlyList<YamlNode> Items { get; } = items.ToList();

    public bool Flow { get; } = flow;

    public static YamlSequence Of(IEnumerable<string> texts, bool flow = true) => new(texts.Select(x => new YamlScalar(x)), flow);
}

/// <summary>A mapping that keeps its keys in insertion order, so the document is written deterministically.</summary>
internal sealed class YamlMapping : YamlNode
{
    private readonly List<KeyValuePair<string, YamlNode>> _entries = [];

    public IReadOnlyList<KeyValuePair<string, YamlNode>> Entries => _entries;

    public YamlMapping Add(string key, YamlNode value)
    {
        if (_entries.Any(x => x.Key == key))
            throw new InvalidOperationException($"Duplicate YAML key '{key}'.");
        _entries.Add(new(key, value));
        return this;
    }

    public YamlMapping Add(string key, string value) => Add(key, new YamlScalar(value));

    public YamlMapping Add(string key, bool value) => Add(key, YamlScalar.Boolean(value));

    public YamlMapping Add(string key, int value) => Add(key, YamlScalar.Number(value));
}
