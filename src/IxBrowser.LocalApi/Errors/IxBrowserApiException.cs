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
        : this(operation, code, serverMessage, serverTime, target: null)
    {
    }

    /// <summary>Creates the exception for a request about <paramref name="target"/>, for example <c>proxy 24330</c>, which the message names.</summary>
    internal IxBrowserApiException(string operation, int code, string? serverMessage, long? serverTime, string? target)
        : base(operation, FormatMessage(operation, code, serverMessage, target), null)
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

    /// <summary>For the transient codes: what to do once the client's own retries are spent.</summary>
    private protected override string? Advice => Code switch
    {
        IxBrowserErrorCodes.OperationTooFast => "ixBrowser kept answering \"too fast\" for the whole TooFastPatience; send fewer requests at a time (MaxRequestsPerSecond, MaxConcurrentRequests) or allow more patience (IxBrowserClientOptions.TooFastPatience). Nothing was applied.",
        IxBrowserErrorCodes.SystemError => "ixBrowser reported a system error on every attempt; try again later, and check that the desktop app is running and logged in.",
        _ => null,
    };

    private static string FormatMessage(string operation, int code, string? serverMessage, string? target)
    {
        var documented = IxBrowserErrorCodes.GetDescription(code);
        var said = string.IsNullOrWhiteSpace(serverMessage) ? "no message" : "\"" + serverMessage + "\"";
        var meaning = documented is null || string.Equals(documented, serverMessage, StringComparison.OrdinalIgnoreCase)
            ? string.Empty
            : " The error-code appendix says: " + documented + ".";
        var about = target is null ? string.Empty : " for " + target;
        return string.Format(CultureInfo.InvariantCulture, "{0} failed{1}: ixBrowser answered with error {2} ({3}).{4}", operation, about, code, said, meaning);
    }
}
