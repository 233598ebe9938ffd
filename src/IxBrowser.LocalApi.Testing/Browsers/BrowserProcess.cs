using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// One headless Chromium started for a profile: its own process group (so that closing ends every
/// child it spawned, renderers and zygotes included), remote debugging on a free loopback port read
/// back from <c>DevToolsActivePort</c>, and the profile's user-data directory.
/// </summary>
internal sealed class BrowserProcess
{
    private readonly Process _process;
    private int _stopped;

    private BrowserProcess(Process process, int port, string webSocketPath, DateTimeOffset openedAt)
    {
        _process = process;
        Port = port;
        WebSocketUrl = "ws://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + webSocketPath;
        OpenedAt = openedAt;
    }

    public int Port { get; }

    public string WebSocketUrl { get; }

    public int ProcessId => _process.Id;

    public DateTimeOffset OpenedAt { get; }

    public bool HasExited
    {
        get
        {
            try
            {
                return _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Starts Chromium and waits until it has written its debugging port. Throws
    /// <see cref="InvalidOperationException"/> with Chromium's last output when it does not start in time.
    /// </summary>
    public static BrowserProcess Start(string chromium, string userDataDirectory, IEnumerable<string> extraArguments, TimeSpan startTimeout)
    {
        Directory.CreateDirectory(userDataDirectory);
        var portFile = Path.Combine(userDataDirectory, "DevToolsActivePort");
        File.Delete(portFile);

        var start = new ProcessStartInfo
        {
            // setsid: Chromium leads a process group of its own, which Stop ends as a whole.
            FileName = OperatingSystem.IsLinux() && File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : chromium,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (start.FileName != chromium)
        {
            start.ArgumentList.Add(chromium);
        }

        foreach (var argument in Arguments(userDataDirectory, extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        var output = new BoundedText(4096);
        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < startTimeout)
        {
            if (TryReadPortFile(portFile) is { } active)
            {
                return new BrowserProcess(process, active.Port, active.Path, DateTimeOffset.Now);
            }

            if (process.HasExited)
            {
                break;
            }

            Thread.Sleep(20);
        }

        var browser = new BrowserProcess(process, 0, string.Empty, DateTimeOffset.Now);
        browser.Stop();
        throw new InvalidOperationException($"Chromium ({chromium}) did not open its debugging port within {startTimeout.TotalSeconds:0} s. Its last output: {output}");
    }

    /// <summary>Ends the browser's whole process group and waits for the main process; safe to call twice.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            if (OperatingSystem.IsLinux() && _process.StartInfo.FileName == "/usr/bin/setsid")
            {
                // The group id is the leader's pid (setsid made Chromium the leader).
                _ = Kill(-_process.Id, SigKill);
            }

            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static IEnumerable<string> Arguments(string userDataDirectory, IEnumerable<string> extraArguments)
    {
        yield return "--headless=new";
        if (Environment.UserName == "root")
        {
            // Chromium refuses to run as root with its sandbox.
            yield return "--no-sandbox";
        }

        yield return "--remote-debugging-port=0";
        yield return "--remote-debugging-address=127.0.0.1";
        yield return "--user-data-dir=" + userDataDirectory;
        yield return "--no-first-run";
        yield return "--no-default-browser-check";
        yield return "--disable-gpu";
        yield return "--disable-dev-shm-usage";

        // No calls home: on a closed network they fail or are refused, many at a time, at every start.
        yield return "--disable-background-networking";
        yield return "--disable-component-update";
        yield return "--disable-sync";
        yield return "--disable-quic";
        foreach (var argument in extraArguments)
        {
            yield return argument;
        }

        yield return "about:blank";
    }

    private static (int Port, string Path)? TryReadPortFile(string portFile)
    {
        try
        {
            var lines = File.ReadAllLines(portFile);
            return lines.Length >= 2 && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port > 0
                ? (port, lines[1])
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private const int SigKill = 9;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>The tail of Chromium's output, for the message when it fails to start.</summary>
    private sealed class BoundedText(int limit)
    {
        private readonly System.Text.StringBuilder _text = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_text)
            {
                _text.AppendLine(line);
                if (_text.Length > limit)
                {
                    _text.Remove(0, _text.Length - limit);
                }
            }
        }

        public override string ToString()
        {
            lock (_text)
            {
                return _text.Length == 0 ? "(none)" : _text.ToString().Trim();
            }
        }
    }
}
