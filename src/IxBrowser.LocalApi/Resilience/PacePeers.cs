using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;

namespace IxBrowser.LocalApi;

/// <summary>
/// The other pacers of this user's processes that send to the same app. Each paced gate writes how many
/// requests it sent in the trailing second to a small file of its own; on a 1010 a gate reads the
/// others' files, so that the one sending more slows down and the one sending less holds its pace
/// (see <see cref="AdaptiveRateLimiter"/>).
/// </summary>
/// <remarks>
/// Why files: a 1010 does not say whose requests filled the app's window, so two processes that learn
/// only from their own answers cannot tell "the limit fell" from "the other process took the room", and
/// the one that joins later starves (issue 21). A count in a file is all they need to know, and it
/// costs nothing until the app first refuses a call: before that nothing is written.
/// <para>Each file is written whole to a temporary name and then renamed over the old one, so a reader
/// never sees half a count, and a process that stops mid-write leaves a stray temporary file that
/// nobody reads. Counts older than <see cref="Fresh"/> are ignored (the process ended or went idle);
/// files older than a minute are deleted by the next reader. Every failure to read or write is ignored:
/// the files only improve sharing, and without them each gate paces on its own answers.</para>
/// </remarks>
internal sealed class PacePeers
{
    /// <summary>How long a published count stands for its process.</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(2);

    private const string Extension = ".pace";
    private static readonly TimeSpan PublishEvery = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(1);

    private readonly string _prefix;
    private readonly string _file;
    private long _publishedAt;

    /// <param name="directory">Where the counts live; created on first write.</param>
    /// <param name="appKey">What identifies the app (scheme, host and port).</param>
    public PacePeers(string directory, string appKey)
    {
        Directory = directory;
        _prefix = FileSafe(appKey) + "~";
        var member = Guid.NewGuid().ToString("N").Substring(0, 12);
        _file = Path.Combine(directory, _prefix + member + Extension);
    }

    /// <summary>The directory of the counts: the user's local application data, else the temporary directory.</summary>
    public static string DefaultDirectory
    {
        get
        {
            var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return Path.Combine(string.IsNullOrEmpty(root) ? Path.GetTempPath() : root, "IxBrowser.LocalApi", "pace");
        }
    }

    public string Directory { get; }

    /// <summary>
    /// Whether a count is due (at most one write every 200 ms); claims it, so that of two callers at the
    /// same moment only one writes.
    /// </summary>
    public bool ClaimDue(DateTime utcNow)
    {
        var last = Interlocked.Read(ref _publishedAt);
        return utcNow.Ticks - last >= PublishEvery.Ticks && Interlocked.CompareExchange(ref _publishedAt, utcNow.Ticks, last) == last;
    }

    /// <summary>Writes this gate's count of requests sent in the trailing second.</summary>
    public void Publish(int sentInTrailingSecond, DateTime utcNow)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var temporary = _file + ".tmp";
            File.WriteAllText(temporary, string.Format(CultureInfo.InvariantCulture, "{0} {1}\n", sentInTrailingSecond, utcNow.Ticks));
            if (File.Exists(_file))
            {
                File.Replace(temporary, _file, null);
            }
            else
            {
                File.Move(temporary, _file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a hint for the other processes; pacing goes on without it.
        }
    }

    /// <summary>The fresh counts of the other gates of this app (not this one's); deletes any file abandoned for a minute.</summary>
    public List<int> ReadOthers(DateTime utcNow)
    {
        var counts = new List<int>();
        string[] files;
        try
        {
            files = System.IO.Directory.GetFiles(Directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return counts;
        }

        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith(_prefix, StringComparison.Ordinal)
                && name.EndsWith(Extension, StringComparison.Ordinal)
                && !string.Equals(file, _file, StringComparison.Ordinal)
                && TryRead(file, out var count, out var writtenAt)
                && utcNow.Ticks - writtenAt <= Fresh.Ticks)
            {
                counts.Add(count);
            }
            else if (utcNow - File.GetLastWriteTimeUtc(file) > Abandoned)
            {
                // Another app's, a process's that ended, or a write cut short: nobody reads it any more.
                TryDelete(file);
            }
        }

        return counts;
    }

    /// <summary>Reads "COUNT TICKS\n"; anything else (a file cut short, a stranger's) is not a count.</summary>
    internal static bool TryRead(string file, out int count, out long writtenAt)
    {
        count = 0;
        writtenAt = 0;
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        var parts = text.Length > 0 && text[text.Length - 1] == '\n' ? text.TrimEnd('\n').Split(' ') : Array.Empty<string>();
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out count)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out writtenAt);
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another reader deleted it, or it is not ours to delete.
        }
    }

    private static string FileSafe(string appKey)
    {
        var chars = appKey.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = char.IsLetterOrDigit(chars[i]) || chars[i] == '.' || chars[i] == '-' ? chars[i] : '_';
        }

        return new string(chars);
    }
}
