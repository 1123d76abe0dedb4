using System.Text.Json;

namespace Spatial.Deployment.Hosting.Processes;

/// <summary>
/// What the process host writes beside each process it starts: how to find it again (pid and start time), where it
/// listens and its labels. Only a pointer: whether it runs, and which release it serves, is read from the process.
/// </summary>
public sealed record InstanceRecord(
    string Name,
    int Pid,
    string StartTime,
    int Port,
    int AdminPort,
    string LogPath,
    Dictionary<string, string> Labels)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the record atomically (temp file, then rename), so a reader never sees half of it.</summary>
    public void Write(string path)
    {
        var temporary = $"{path}.tmp-{Environment.ProcessId}";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a record; null when the file is gone or not a record (a crashed writer's leftover is skipped, not fatal).</summary>
    public static InstanceRecord? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<InstanceRecord>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
