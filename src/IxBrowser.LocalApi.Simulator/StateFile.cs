using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using IxBrowser.LocalApi.Testing;
using Newtonsoft.Json;

namespace IxBrowser.LocalApi.Simulator;

/// <summary>Reading a seed state, and writing the state so that a reader never sees half a file.</summary>
internal static class StateFile
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        // A number where a string belongs, or an unknown field, is a mistake in the file, not data to guess at.
        MissingMemberHandling = MissingMemberHandling.Error,
    };

    /// <summary>The state in <paramref name="path"/>, or the problems that make it unusable (each names its record or line).</summary>
    public static (SimulatorState? State, IReadOnlyList<string> Problems) Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new[] { $"--state {path} could not be read: {e.Message}" });
        }

        SimulatorState? state;
        try
        {
            state = JsonConvert.DeserializeObject<SimulatorState>(text, Settings);
        }
        catch (JsonException e)
        {
            // Newtonsoft names the JSON path, the line and the position: enough to find the record.
            return (null, new[] { $"--state {path} is not a simulator state: {e.Message}" });
        }

        var problems = state is null ? new[] { $"--state {path} holds null: give an object such as {{\"Proxies\": []}}." } : state.FindProblems();
        return problems.Count == 0 ? (state, problems) : (null, problems);
    }

    /// <summary>
    /// Whether a state can be written at <paramref name="path"/>: its folder exists and takes a new
    /// file. Checked at start, so that a wrong path is reported before the simulator serves anything.
    /// </summary>
    public static string? ProblemWriting(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            return $"--dump-state {path}: the folder {folder} does not exist. Create it first, or choose another path.";
        }

        var probe = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.probe");
        try
        {
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"--dump-state {path}: cannot write in {folder} ({e.Message}).";
        }
    }

    /// <summary>
    /// Writes <paramref name="state"/> to a temporary file beside <paramref name="path"/> (readable by
    /// its owner only: it holds proxy passwords in clear), flushes it to disk, then renames it over
    /// <paramref name="path"/>: a reader sees the old file or the new one, never a part.
    /// </summary>
    public static void WriteAtomically(string path, SimulatorState state)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
            {
                JsonSerializer.Create(new JsonSerializerSettings { Formatting = Formatting.Indented }).Serialize(writer, state);
            }

            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, full, overwrite: true);
    }
}
