namespace IxBrowser.LocalApi;

/// <summary>One entry of the spec's x-error-catalogue.</summary>
internal sealed class ErrorCodeInfo(int code, string name, string description, bool isTransient, bool isNotApplied)
{
    public int Code { get; } = code;

    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>transient: the code asks to try again later.</summary>
    public bool IsTransient { get; } = isTransient;

    /// <summary>not-applied: ixBrowser refused the request without acting on it.</summary>
    public bool IsNotApplied { get; } = isNotApplied;
}
