using System.Globalization;

namespace IxBrowser.LocalApi;

/// <summary>How far a bulk run has come, reported after each item.</summary>
public readonly struct IxBrowserBulkProgress
{
    /// <summary>Creates a progress report.</summary>
    /// <param name="done">Items finished, successfully or not.</param>
    /// <param name="failed">Items that failed (included in <paramref name="done"/>).</param>
    /// <param name="total">Items in the run.</param>
    /// <param name="requestsPerSecond">The pace the client keeps now; <see langword="null"/> while it holds nothing back.</param>
    public IxBrowserBulkProgress(int done, int failed, int total, double? requestsPerSecond)
    {
        Done = done;
        Failed = failed;
        Total = total;
        RequestsPerSecond = requestsPerSecond;
    }

    /// <summary>Items finished, successfully or not.</summary>
    public int Done { get; }

    /// <summary>Items that failed (included in <see cref="Done"/>).</summary>
    public int Failed { get; }

    /// <summary>Items in the run.</summary>
    public int Total { get; }

    /// <summary>The pace the client keeps now (learned from ixBrowser, or its cap); <see langword="null"/> while it holds nothing back.</summary>
    public double? RequestsPerSecond { get; }

    /// <summary>A progress line.</summary>
    /// <returns>For example <c>250/1000 done, 0 failed, 95.0 requests/s</c>.</returns>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0}/{1} done, {2} failed, {3}", Done, Total, Failed, RequestsPerSecond is { } rate ? rate.ToString("0.0", CultureInfo.InvariantCulture) + " requests/s" : "no pace yet");
}
