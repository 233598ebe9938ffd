using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// The browsers the simulator has open, by profile: opening (another open answers 1020), open (a
/// real Chromium; another open answers 111003), or marked open without a browser (the app's stale
/// state that profile-open-state-reset clears). Not part of the saved state: a browser does not
/// outlive its simulator. Thread-safe; a browser is started and stopped outside the lock.
/// </summary>
internal sealed class SimulatedBrowsers : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<long, Entry> _entries = new();
    private readonly IxBrowserSimulatorOptions _options;
    private readonly string _dataDirectory;
    private readonly bool _ownsDataDirectory;
    private bool _disposed;

    public SimulatedBrowsers(IxBrowserSimulatorOptions options)
    {
        _options = options;
        ChromiumPath = ChromiumLocator.Browser(options.ChromiumPath);
        ChromeDriverPath = ChromiumLocator.Driver(options.ChromeDriverPath) ?? string.Empty;
        _ownsDataDirectory = options.BrowserDataDirectory is null;
        _dataDirectory = options.BrowserDataDirectory ?? Path.Combine(Path.GetTempPath(), "ixbrowser-simulator", Guid.NewGuid().ToString("N"));
    }

    public string? ChromiumPath { get; }

    public string ChromeDriverPath { get; }

    /// <summary>How many browser processes run now.</summary>
    public int RunningCount
    {
        get { lock (_gate) { return _entries.Values.Count(e => e.Browser is { HasExited: false }); } }
    }

    /// <summary>Claims the profile for an open: null when it may open, else the code to answer (1020 or 111003).</summary>
    public int? TryBeginOpen(long profileId)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_entries.TryGetValue(profileId, out var entry))
            {
                if (entry.Opening)
                {
                    return IxBrowserErrorCodes.ProfileOpeningInProgress;
                }

                if (entry.Browser is null || !entry.Browser.HasExited)
                {
                    return IxBrowserErrorCodes.ProfileAlreadyOpen;
                }

                // Its browser ended on its own (a crash, a closed window): the app lets it open again.
                entry.Browser.Stop();
            }

            _entries[profileId] = new Entry { Opening = true };
            return null;
        }
    }

    /// <summary>Starts the browser of a claimed profile; on failure the claim is dropped and the exception thrown.</summary>
    public BrowserProcess CompleteOpen(long profileId, IEnumerable<string> arguments, bool cookiesBackup = true)
    {
        BrowserProcess browser;
        try
        {
            browser = BrowserProcess.Start(ChromiumPath!, Path.Combine(_dataDirectory, "profile-" + profileId), arguments, _options.BrowserStartTimeout);
        }
        catch
        {
            lock (_gate)
            {
                _entries.Remove(profileId);
            }

            throw;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                browser.Stop();
                throw new ObjectDisposedException(nameof(SimulatedBrowsers));
            }

            _entries[profileId] = new Entry { Browser = browser, CookiesBackup = cookiesBackup };
            return browser;
        }
    }

    /// <summary>Gives a claim back without a browser (the open met an injected fault).</summary>
    public void AbandonOpen(long profileId)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(profileId, out var entry) && entry.Opening)
            {
                _entries.Remove(profileId);
            }
        }
    }

    /// <summary>Marks a profile open with no browser behind it, as the app does after a crash.</summary>
    public void MarkStale(long profileId)
    {
        lock (_gate)
        {
            _entries[profileId] = new Entry();
        }
    }

    /// <summary>
    /// Closes the profile's browser; false when none was open (the app answers 1009).
    /// <paramref name="beforeStop"/> sees the running browser first when the open asked for cookie backup.
    /// </summary>
    public bool Close(long profileId, Action<BrowserProcess>? beforeStop = null)
    {
        Entry? entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(profileId, out entry) || entry.Opening || entry.Browser is null)
            {
                return false;
            }

            _entries.Remove(profileId);
        }

        try
        {
            if (entry.CookiesBackup && !entry.Browser.HasExited)
            {
                beforeStop?.Invoke(entry.Browser);
            }
        }
        finally
        {
            entry.Browser.Stop();
        }

        return true;
    }

    /// <summary>Forgets the profile's open state, ending its browser if one runs.</summary>
    public void Reset(long profileId)
    {
        Entry? entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(profileId, out entry) || entry.Opening)
            {
                return;
            }

            _entries.Remove(profileId);
        }

        entry.Browser?.Stop();
    }

    /// <summary>Whether the app counts the profile as open (or opening).</summary>
    public bool IsOpen(long profileId)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(profileId, out var entry) && entry.Browser is not { HasExited: true };
        }
    }

    /// <summary>The profile's browser data (its user-data directory), kept across opens.</summary>
    public string ProfileDirectory(long profileId) => Path.Combine(_dataDirectory, "profile-" + profileId);

    /// <summary>
    /// Deletes the browser's caches in the profile's directory, and with <paramref name="cookies"/> its
    /// cookie stores too. Chromium keeps them in these places; the rest of the profile stays.
    /// </summary>
    public void ClearData(long profileId, bool cookies)
    {
        var root = ProfileDirectory(profileId);
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Where(d => CacheDirectories.Contains(Path.GetFileName(d))).ToList())
        {
            TryDelete(directory);
        }

        if (cookies)
        {
            foreach (var file in Directory.EnumerateFiles(root, "Cookies*", SearchOption.AllDirectories).ToList())
            {
                File.Delete(file);
            }
        }
    }

    private static readonly HashSet<string> CacheDirectories = new(StringComparer.Ordinal) { "Cache", "Code Cache", "GPUCache", "CacheStorage", "ScriptCache", "DawnGraphiteCache", "DawnWebGPUCache", "GrShaderCache", "ShaderCache" };

    /// <summary>Every profile the app counts as open: (id, browser or null for a stale mark).</summary>
    public IReadOnlyList<(long ProfileId, BrowserProcess? Browser)> Open()
    {
        lock (_gate)
        {
            return _entries.Where(e => !e.Value.Opening && e.Value.Browser is not { HasExited: true })
                .OrderBy(e => e.Key)
                .Select(e => (e.Key, e.Value.Browser))
                .ToList();
        }
    }

    /// <summary>Ends every browser, and deletes the profiles' directories if the simulator chose where they live.</summary>
    public void Dispose()
    {
        List<Entry> entries;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            entries = _entries.Values.ToList();
            _entries.Clear();
        }

        foreach (var entry in entries)
        {
            entry.Browser?.Stop();
        }

        if (_ownsDataDirectory)
        {
            TryDelete(_dataDirectory);
        }
    }

    private static void TryDelete(string directory)
    {
        for (var attempt = 0; attempt < 3 && Directory.Exists(directory); attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    private sealed class Entry
    {
        public bool Opening { get; init; }

        public BrowserProcess? Browser { get; init; }

        public bool CookiesBackup { get; init; }
    }
}
