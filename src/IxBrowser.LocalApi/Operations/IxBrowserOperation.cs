using System.Collections.Generic;

namespace IxBrowser.LocalApi;

/// <summary>
/// What the spec says about one operation, as the generic call path needs it. Instances are
/// generated into <c>IxBrowserOperations</c> from the spec; nothing here is written per operation.
/// </summary>
internal abstract class IxBrowserOperation
{
    protected IxBrowserOperation(string id, string path, bool retrySafe, bool longRunning, IxBrowserSuccessData successData, string[] documentedErrorCodes)
    {
        Id = id;
        Path = path;
        RetrySafe = retrySafe;
        LongRunning = longRunning;
        SuccessData = successData;
        ExpectedData = successData.Describe();
        ListedErrorCodes = documentedErrorCodes;
        _documentedErrorCodes = new System.Lazy<IReadOnlyList<int>>(() => IxBrowserErrorCodes.Expand(documentedErrorCodes));
    }

    /// <summary>The spec's operationId, for example <c>UpdateProxy</c>.</summary>
    public string Id { get; }

    /// <summary>The path, for example <c>/api/v2/proxy-update</c>.</summary>
    public string Path { get; }

    /// <summary>x-retry-safe: whether sending the request again after a lost answer is harmless.</summary>
    public bool RetrySafe { get; }

    /// <summary>x-long-running: the app may take a minute to answer, so an attempt gets IxBrowserClientOptions.LongRunningTimeout.</summary>
    public bool LongRunning { get; }

    /// <summary>x-success-data as the spec writes it.</summary>
    public IxBrowserSuccessData SuccessData { get; }

    /// <summary>x-success-data in words, for example <c>the integer 1</c>; used in protocol-error messages.</summary>
    public string ExpectedData { get; }

    private readonly System.Lazy<IReadOnlyList<int>> _documentedErrorCodes;

    /// <summary>x-error-codes as the spec lists them, for example <c>1000</c> and the family <c>104xxx</c>.</summary>
    public IReadOnlyList<string> ListedErrorCodes { get; }

    /// <summary>x-error-codes with every family expanded from the catalogue.</summary>
    public IReadOnlyList<int> DocumentedErrorCodes => _documentedErrorCodes.Value;
}
