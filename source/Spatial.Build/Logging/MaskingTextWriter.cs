using System.Text;

namespace Spatial.Build.Logging;

/// <summary>Buffers output by line and masks secrets before passing each line on, so no write can leak one.</summary>
internal sealed class MaskingTextWriter(TextWriter inner, SecretMask mask) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _line.Append(value);
            if (value == '\n')
                EmitLine();
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
            return;
        lock (_gate)
        {
            var start = 0;
            int newline;
            while ((newline = value.IndexOf('\n', start)) >= 0)
            {
                _line.Append(value, start, newline - start + 1);
                EmitLine();
                start = newline + 1;
            }

            _line.Append(value, start, value.Length - start);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <summary>Writes out a pending partial line (at the end of a run).</summary>
    public void FlushPending()
    {
        lock (_gate)
        {
            if (_line.Length > 0)
                EmitLine();
            inner.Flush();
        }
    }

    private void EmitLine()
    {
        var line = mask.Apply(_line.ToString());
        _line.Clear();
        // Tables pad every cell; trailing spaces only clutter logs.
        var body = line.TrimEnd('\n', '\r').TrimEnd(' ');
        inner.Write(line.EndsWith('\n') ? body + inner.NewLine : body);
    }
}
