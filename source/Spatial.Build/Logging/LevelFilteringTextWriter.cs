using System.Text;

namespace Spatial.Build.Logging;

/// <summary>Passes text on only while <paramref name="enabled"/> says so (the verbosity is read at each write).</summary>
internal sealed class LevelFilteringTextWriter(TextWriter inner, Func<bool> enabled) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (enabled())
            inner.Write(value);
    }

    public override void Write(string? value)
    {
        if (enabled())
            inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        if (enabled())
            inner.Write(buffer, index, count);
    }

    public override void Flush() => inner.Flush();
}
