using System.Globalization;

namespace Spatial.Build.Tooling;

/// <summary>Builds a tool's argument list; secret values are rendered for the process and masked for the log.</summary>
public sealed class Arguments
{
    private readonly List<(string Text, bool Secret)> _items = [];

    /// <summary>Adds a literal argument (quoted when needed).</summary>
    public Arguments Add(string argument, bool secret = false)
    {
        _items.Add((argument, secret));
        return this;
    }

    /// <summary>Adds <paramref name="format"/> with <c>{value}</c> replaced, when the value is not null (booleans: only the flag, when true).</summary>
    public Arguments Add(string format, object? value, bool secret = false)
    {
        switch (value)
        {
            case null:
                return this;
            case bool flag when !format.Contains("{value}", StringComparison.Ordinal):
                return flag ? Add(format) : this;
        }

        var text = value switch
        {
            bool flag => flag ? "true" : "false",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        var parts = format.Split(' ', 2);
        // "--output {value}" becomes two arguments so the value is quoted on its own.
        if (parts.Length == 2 && parts[1] == "{value}")
            return Add(parts[0]).Add(text, secret);
        return Add(format.Replace("{value}", text, StringComparison.Ordinal), secret);
    }

    public int Count => _items.Count;

    /// <summary>The argument string passed to the process.</summary>
    public string Render() => ArgumentQuoting.Join(_items.Select(x => x.Text));

    /// <summary>The argument string for the log: secret values masked.</summary>
    public string RenderForLog() => string.Join(' ', _items.Select(x => x.Secret ? Logging.SecretMask.Mask : ArgumentQuoting.Quote(x.Text)));

    /// <summary>The secret values, masked in process output too.</summary>
    public IEnumerable<string> Secrets => _items.Where(x => x.Secret).Select(x => x.Text);

    public override string ToString() => RenderForLog();
}
