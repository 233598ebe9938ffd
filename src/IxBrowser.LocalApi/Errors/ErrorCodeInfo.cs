namespace IxBrowser.LocalApi;

/// <summary>One entry of the spec's x-error-catalogue.</summary>
internal sealed class ErrorCodeInfo(int code, string name, string description, bool isTransient)
{
    public int Code { get; } = code;

    public string Name { get; } = name;

    public string Description { get; } = description;

    public bool IsTransient { get; } = isTransient;
}
