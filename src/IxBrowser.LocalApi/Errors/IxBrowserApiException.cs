using System;
using System.Globalization;

namespace IxBrowser.LocalApi;

/// <summary>
/// ixBrowser answered with its envelope and a non-zero <c>error.code</c>: the request arrived and
/// was refused. <see cref="Code"/> tells why; compare it with the constants of <see cref="IxBrowserErrorCodes"/>.
/// </summary>
public class IxBrowserApiException : IxBrowserException
{
    /// <summary>Creates the exception for an error envelope.</summary>
    /// <param name="operation">The operation that failed.</param>
    /// <param name="code">The envelope's <c>error.code</c>.</param>
    /// <param name="serverMessage">The envelope's <c>error.message</c>, if any.</param>
    /// <param name="serverTime">The envelope's <c>error.time</c> (Unix seconds), if any.</param>
    public IxBrowserApiException(string operation, int code, string? serverMessage, long? serverTime)
        : base(operation, FormatMessage(operation, code, serverMessage), null)
    {
        Code = code;
        ServerMessage = serverMessage;
        ServerTime = serverTime is { } seconds ? UnixTime.ToDateTimeOffset(seconds) : null;
    }

    /// <summary>The error code of the envelope (never 0).</summary>
    public int Code { get; }

    /// <summary>The message ixBrowser sent with the code; some errors carry none.</summary>
    public string? ServerMessage { get; }

    /// <summary>When ixBrowser answered, by its own clock; <see langword="null"/> if the envelope had no time.</summary>
    public DateTimeOffset? ServerTime { get; }

    /// <summary>Whether the code says to try again later (<see cref="IxBrowserErrorCodes.OperationTooFast"/> or <see cref="IxBrowserErrorCodes.SystemError"/>).</summary>
    public bool IsTransient => IxBrowserErrorCodes.IsTransient(Code);

    private static string FormatMessage(string operation, int code, string? serverMessage)
    {
        var documented = IxBrowserErrorCodes.GetDescription(code);
        var said = string.IsNullOrWhiteSpace(serverMessage) ? "no message" : "\"" + serverMessage + "\"";
        var meaning = documented is null || string.Equals(documented, serverMessage, StringComparison.OrdinalIgnoreCase)
            ? string.Empty
            : " The error-code appendix says: " + documented + ".";
        return string.Format(CultureInfo.InvariantCulture, "{0} failed: ixBrowser answered with error {1} ({2}).{3}", operation, code, said, meaning);
    }
}
