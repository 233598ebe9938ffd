using System;

namespace IxBrowser.LocalApi;

/// <summary>The outcome of one profile of <see cref="IxBrowserProfileExtensions.RunProfilesAsync"/>.</summary>
/// <typeparam name="T">What the work returns.</typeparam>
public sealed class IxBrowserProfileResult<T>
{
    internal IxBrowserProfileResult(int index, long profileId)
    {
        Index = index;
        ProfileId = profileId;
    }

    /// <summary>The profile's position in the ids given to the run.</summary>
    public int Index { get; }

    /// <summary>The profile.</summary>
    public long ProfileId { get; }

    /// <summary>What happened.</summary>
    public IxBrowserProfileRunStatus Status { get; private set; }

    /// <summary>What the work returned, when <see cref="Status"/> is <see cref="IxBrowserProfileRunStatus.Succeeded"/>.</summary>
    public T? Value { get; private set; }

    /// <summary>Why it failed or was cancelled.</summary>
    public Exception? Exception { get; private set; }

    /// <inheritdoc />
    public override string ToString() => $"#{Index} profile {ProfileId} {Status}" + (Exception is null ? string.Empty : ": " + Exception.Message);

    internal void Succeed(T value)
    {
        Value = value;
        Status = IxBrowserProfileRunStatus.Succeeded;
    }

    internal void Fail(Exception exception)
    {
        Exception = exception;
        Status = IxBrowserProfileRunStatus.Failed;
    }

    internal void Cancel(Exception exception)
    {
        Exception = exception;
        Status = IxBrowserProfileRunStatus.Cancelled;
    }
}
