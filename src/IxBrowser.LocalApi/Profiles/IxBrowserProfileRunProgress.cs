namespace IxBrowser.LocalApi;

/// <summary>Progress of <see cref="IxBrowserProfileExtensions.RunProfilesAsync"/>: one more profile ended.</summary>
public sealed class IxBrowserProfileRunProgress
{
    internal IxBrowserProfileRunProgress(int completed, int total, long profileId, IxBrowserProfileRunStatus status)
    {
        Completed = completed;
        Total = total;
        ProfileId = profileId;
        Status = status;
    }

    /// <summary>How many profiles have ended so far.</summary>
    public int Completed { get; }

    /// <summary>How many profiles the run has.</summary>
    public int Total { get; }

    /// <summary>The profile that just ended.</summary>
    public long ProfileId { get; }

    /// <summary>How it ended.</summary>
    public IxBrowserProfileRunStatus Status { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Completed}/{Total}: profile {ProfileId} {Status}";
}
