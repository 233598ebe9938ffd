using System;
using Microsoft.Extensions.Logging;

namespace IxBrowser.LocalApi;

/// <summary>
/// The client's log events. One event per call (succeeded, failed or cancelled), one per retry, and at
/// Debug the request body with proxy_user, proxy_password and proxy_url masked. No event carries a secret.
/// </summary>
internal static partial class IxBrowserLog
{
    [LoggerMessage(EventId = 1, EventName = "CallSucceeded", Level = LogLevel.Information,
        Message = "{Operation} succeeded in {ElapsedMs} ms after {Attempts} attempt(s)")]
    public static partial void CallSucceeded(ILogger logger, string operation, long elapsedMs, int attempts);

    [LoggerMessage(EventId = 2, EventName = "CallFailed", Level = LogLevel.Warning,
        Message = "{Operation} failed in {ElapsedMs} ms after {Attempts} attempt(s): {Outcome}, error code {ErrorCode}")]
    public static partial void CallFailed(ILogger logger, string operation, long elapsedMs, int attempts, string outcome, int? errorCode, Exception exception);

    [LoggerMessage(EventId = 3, EventName = "CallCancelled", Level = LogLevel.Information,
        Message = "{Operation} was cancelled by the caller after {ElapsedMs} ms and {Attempts} attempt(s)")]
    public static partial void CallCancelled(ILogger logger, string operation, long elapsedMs, int attempts);

    [LoggerMessage(EventId = 4, EventName = "Retrying", Level = LogLevel.Information,
        Message = "{Operation} attempt {Attempt} failed ({Outcome}, error code {ErrorCode}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string outcome, int? errorCode, long delayMs);

    [LoggerMessage(EventId = 5, EventName = "RequestBody", Level = LogLevel.Debug,
        Message = "{Operation} request body (secrets masked): {Body}")]
    public static partial void RequestBody(ILogger logger, string operation, string body);

    /// <summary>The name of a failure for logs and metrics: ApiError, ProtocolError, ConnectionFailed or TimedOut.</summary>
    public static string Outcome(Exception? exception) => exception switch
    {
        IxBrowserApiException => "ApiError",
        IxBrowserProtocolException => "ProtocolError",
        IxBrowserConnectionException => "ConnectionFailed",
        IxBrowserTimeoutException => "TimedOut",
        _ => exception?.GetType().Name ?? "Unknown",
    };
}
