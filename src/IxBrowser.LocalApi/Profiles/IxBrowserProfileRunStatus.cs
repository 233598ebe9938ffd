namespace IxBrowser.LocalApi;

/// <summary>What happened to one profile of <see cref="IxBrowserProfileExtensions.RunProfilesAsync"/>.</summary>
public enum IxBrowserProfileRunStatus
{
    /// <summary>Not started: the run was cancelled before its turn.</summary>
    NotStarted = 0,

    /// <summary>Opened, worked on and closed.</summary>
    Succeeded,

    /// <summary>The open, the work, the close or the profile's timeout failed; see <see cref="IxBrowserProfileResult{T}.Exception"/>. It was closed if it opened.</summary>
    Failed,

    /// <summary>The run was cancelled while this profile was open or opening; it was closed.</summary>
    Cancelled,
}
