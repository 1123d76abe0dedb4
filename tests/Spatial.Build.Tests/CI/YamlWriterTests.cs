using Spatial.Tests.Workflows;
using Spatial.Build.CI.Yaml;

namespace Spatial.Tests.Build.CI;

public sealed class YamlWriterTests
{
    private static readonly string[] Tricky =
    [
        "on", "Yes", "true", "null", "~", "123", "1.5", "0x1F", "-7", ".inf", "", " leading", "trailing ",
        "${{ github.ref }}", "github.event_name == 'push'", "a: b", "x #y", "- item", "*.md", "**/*.md", "&anchor", "!tag",
        "it's", "say \"hi\"", "back\\slash", "a, b", "[x]", "{y}", "@at", "`tick`", "%p", "ends:", "~/.nuget/packages",
    ];

    [TestCaseSource(nameof(Tricky))]
    public void A_scalar_reads_back_as_the_same_text(string text)
    {
        var document = new YamlMapping()
            .Add("value", text)
            .Add("list", YamlSequence.Of([text, "plain"]))
            .Add("block", YamlSequence.Of([text], flow: false));

        var parsed = WorkflowYaml.Parse(YamlWriter.Write(document)).Root;

        Assert.Multiple(() =>
        {
            Assert.That(WorkflowYaml.Value(parsed, "value"), Is.EqualTo(text));
            Assert.That(WorkflowYaml.Sequence(parsed, "list"), Is.EqualTo(new[] { text, "plain" }));
            Assert.That(WorkflowYaml.Sequence(parsed, "block"), Is.EqualTo(new[] { text }));
        });
    }

    [TestCase("one\ntwo\n")]
    [TestCase("one\ntwo")]
    [TestCase("one\n\ntwo\n\n")]
    public void Multi_line_text_is_a_literal_block_that_keeps_every_newline(string text)
    {
        var written = YamlWriter.Write(new YamlMapping().Add("run", text).Add("after", "x"));

        Assert.Multiple(() =>
        {
            Assert.That(WorkflowYaml.Value(WorkflowYaml.Parse(written).Root, "run"), Is.EqualTo(text));
            Assert.That(written, Does.StartWith("run: |"));
        });
    }

    [Test]
    public void Booleans_and_numbers_are_written_as_such_and_their_lookalike_text_is_quoted()
    {
        var written = YamlWriter.Write(new YamlMapping().Add("flag", true).Add("count", 5).Add("text", "true").Add("digits", "5"));

        Assert.That(written, Is.EqualTo("flag: true\ncount: 5\ntext: 'true'\ndigits: '5'\n"));
    }

    [Test]
    public void Nested_mappings_in_sequences_are_indented_under_their_dash()
    {
        var document = new YamlMapping().Add("steps", new YamlSequence([
            new YamlMapping().Add("uses", "actions/checkout@v4"),
            new YamlMapping().Add("name", "Build").Add("with", new YamlMapping().Add("path", "a")),
        ]));

        Assert.That(YamlWriter.Write(document), Is.EqualTo(
            "steps:\n  - uses: actions/checkout@v4\n  - name: Build\n    with:\n      path: a\n"));
    }

    [Test]
    public void Duplicate_keys_are_refused()
    {
        var mapping = new YamlMapping().Add("a", "1");

        Assert.That(() => mapping.Add("a", "2"), Throws.InvalidOperationException.With.Message.Contains("Duplicate YAML key 'a'"));
    }
}
