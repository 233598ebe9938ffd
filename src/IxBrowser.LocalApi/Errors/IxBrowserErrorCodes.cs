using System.Collections.Generic;

namespace IxBrowser.LocalApi;

/// <summary>
/// Error codes of the local API that the two proxy operations document (plus the codes every
/// operation can meet), with the meanings of the vendor's error-code appendix.
/// </summary>
public static class IxBrowserErrorCodes
{
    /// <summary>1000: Missing required parameters. Both operations.</summary>
    public const int MissingRequiredParameters = 1000;

    /// <summary>1002: Please log in again. Any operation, when the desktop app is logged out.</summary>
    public const int PleaseLogInAgain = 1002;

    /// <summary>1004: System error, try again later. Proxy update; transient.</summary>
    public const int SystemError = 1004;

    /// <summary>1008: Your permissions are restricted. Both operations.</summary>
    public const int PermissionsRestricted = 1008;

    /// <summary>1010: Your operation was too fast, please try again later. Any operation; transient.</summary>
    public const int OperationTooFast = 1010;

    /// <summary>1011: The operation failed. Proxy update.</summary>
    public const int OperationFailed = 1011;

    /// <summary>2002: Proxy information does not exist. Proxy update (unknown id).</summary>
    public const int ProxyNotFound = 2002;

    /// <summary>2007: Profile does not exist. API-extraction update (unknown profile id).</summary>
    public const int ProfileNotFound = 2007;

    /// <summary>2009: Proxy method cannot be empty. API-extraction update.</summary>
    public const int ProxyMethodEmpty = 2009;

    /// <summary>2010: Proxy method is not within the scope. API-extraction update.</summary>
    public const int ProxyMethodOutOfRange = 2010;

    /// <summary>104001: Proxy id cannot be empty. Proxy update.</summary>
    public const int ProxyIdEmpty = 104001;

    /// <summary>104002: Proxy ip cannot be empty. Proxy update.</summary>
    public const int ProxyIpEmpty = 104002;

    /// <summary>104003: Proxy type not in range. Proxy update.</summary>
    public const int ProxyTypeOutOfRange = 104003;

    /// <summary>104004: The proxy port cannot be empty. Proxy update.</summary>
    public const int ProxyPortEmpty = 104004;

    /// <summary>104005: Failed to modify proxy. Proxy update.</summary>
    public const int ProxyUpdateFailed = 104005;

    /// <summary>104006: Failed to modify the proxy, the proxy already exists. Proxy update.</summary>
    public const int ProxyAlreadyExists = 104006;

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [MissingRequiredParameters] = "Missing required parameters",
        [PleaseLogInAgain] = "Please log in again",
        [SystemError] = "System error, try again later",
        [PermissionsRestricted] = "Your permissions are restricted",
        [OperationTooFast] = "Your operation was too fast, please try again later.",
        [OperationFailed] = "The operation failed.",
        [ProxyNotFound] = "Proxy information does not exist",
        [ProfileNotFound] = "Profile does not exist",
        [ProxyMethodEmpty] = "Proxy method cannot be empty",
        [ProxyMethodOutOfRange] = "Proxy method is not within the scope",
        [ProxyIdEmpty] = "Proxy id cannot be empty",
        [ProxyIpEmpty] = "Proxy ip cannot be empty",
        [ProxyTypeOutOfRange] = "Proxy type not in range",
        [ProxyPortEmpty] = "The proxy port cannot be empty",
        [ProxyUpdateFailed] = "Failed to modify proxy",
        [ProxyAlreadyExists] = "Failed to modify the proxy, the proxy already exists",
    };

    /// <summary>The appendix's meaning of <paramref name="code"/>, or <see langword="null"/> for a code this library does not list.</summary>
    /// <param name="code">An error code.</param>
    /// <returns>The meaning, or <see langword="null"/>.</returns>
    public static string? GetDescription(int code) => Descriptions.TryGetValue(code, out var description) ? description : null;

    /// <summary>Whether <paramref name="code"/> asks the caller to try again later (1004 and 1010).</summary>
    /// <param name="code">An error code.</param>
    /// <returns><see langword="true"/> for a transient error.</returns>
    public static bool IsTransient(int code) => code is SystemError or OperationTooFast;
}
