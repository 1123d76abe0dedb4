namespace Spatial.GpuCheck;

/// <summary>An exception as one line: its message and those of its inner exceptions (a type initializer's says nothing by itself).</summary>
internal static class ExceptionText
{
    public static string Of(Exception e)
    {
        var messages = new List<string>();
        for (Exception? current = e; current is not null; current = current.InnerException)
            messages.Add($"{current.GetType().Name}: {current.Message.ReplaceLineEndings(" ")}");
        return string.Join(" <- ", messages);
    }
}
