using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using Spatial.Build.Logging;

namespace Spatial.Build.Tooling;

/// <summary>A running process: captures output line by line, logs it (filtered), kills the tree on timeout.</summary>
internal sealed class ToolProcess : IProcess
{
    private const int TailLines = 20;

    // Processes not yet waited for, so Ctrl+C can end them.
    private static readonly ConcurrentDictionary<ToolProcess, byte> Running = new();

    private readonly Process _process;
    private readonly ConcurrentQueue<Output> _output = new();
    private readonly int? _timeout;
    private readonly Func<string, string> _filter;
    private readonly BuildOutput? _log;
    private readonly bool _logOutput;
    private bool _waited;
    private int _exitCode;

    private ToolProcess(Process process, string toolPath, int? timeout, Func<string, string> filter, BuildOutput? log, bool logOutput)
    {
        _process = process;
        ToolPath = toolPath;
        _timeout = timeout;
        _filter = filter;
        _log = log;
        _logOutput = logOutput;
    }

    public string ToolPath { get; }

    public int ExitCode
    {
        get
        {
            WaitForExit();
            return _exitCode;
        }
    }

    public IReadOnlyCollection<Output> Output => _output.ToArray();

    public bool HasExited => _waited || _process.HasExited;

    public bool TimedOut { get; private set; }

    public static ToolProcess Start(ProcessStartInfo startInfo, int? timeout, Func<string, string> filter, BuildOutput? log, bool logOutput)
    {
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var result = new ToolProcess(process, startInfo.FileName, timeout, filter, log, logOutput);
        process.OutputDataReceived += (_, e) => result.Receive(OutputType.Std, e.Data);
        process.ErrorDataReceived += (_, e) => result.Receive(OutputType.Err, e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new ProcessException($"Could not start '{startInfo.FileName}': {exception.Message}. Is it installed and on PATH?", exception);
        }

        Running[result] = 0;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    public static void KillAll()
    {
        foreach (var process in Running.Keys)
            process.Kill();
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    public void WaitForExit()
    {
        if (_waited)
            return;
        if (_timeout is { } timeout && !_process.WaitForExit(timeout))
        {
            TimedOut = true;
            Kill();
        }

        // The parameterless wait also drains the redirected streams.
        _process.WaitForExit();
        Running.TryRemove(this, out _);
        // Kept so the result stays readable after the process is disposed.
        _exitCode = TimedOut ? -1 : _process.ExitCode;
        _waited = true;
    }

    public IProcess AssertWaitForExit()
    {
        WaitForExit();
        if (TimedOut)
            throw Failure($"'{ToolPath}' timed out after {_timeout} ms and was killed with its child processes.");
        return this;
    }

    public IProcess AssertZeroExitCode()
    {
        AssertWaitForExit();
        if (_exitCode != 0)
            throw Failure($"'{ToolPath}' exited with code {_exitCode}.");
        return this;
    }

    public void Dispose()
    {
        Running.TryRemove(this, out _);
        _process.Dispose();
    }

    private ProcessException Failure(string headline)
    {
        var tail = _output.Select(x => _filter(x.Text)).TakeLast(TailLines).ToList();
        var message = tail.Count == 0 ? headline : $"{headline} Last output:{Environment.NewLine}{string.Join(Environment.NewLine, tail.Select(x => "  " + x))}";
        return new ProcessException(ToolPath, _exitCode, TimedOut, tail, message);
    }

    private void Receive(OutputType type, string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(new Output(type, line));
        if (_logOutput)
            Log.WriteTo(_log, type == OutputType.Std ? LogLevel.Debug : LogLevel.Warning, _filter(line));
    }
}
