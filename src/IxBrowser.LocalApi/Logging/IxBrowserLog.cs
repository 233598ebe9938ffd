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

    [LoggerMessage(EventId = 3, EventName = "CallCancelled", Level = LogLevel.Information,
        Message = "{Operation} was cancelled by the caller after {ElapsedMs} ms and {Attempts} attempt(s)")]
    public static partial void CallCancelled(ILogger logger, string operation, long elapsedMs, int attempts);

    private static readonly EventId CallFailedEvent = new(2, "CallFailed");
    private static readonly EventId RetryingEvent = new(4, "Retrying");

    /// <summary>
    /// A call failed for good. Fields: Operation, ElapsedMs, Attempts, Outcome, ErrorCode (null without
    /// a code). Written by hand rather than with [LoggerMessage] so that the text and its format leave
    /// out an error code the failure does not have, instead of reading "error code (null)".
    /// </summary>
    public static void CallFailed(ILogger logger, string operation, long elapsedMs, int attempts, Exception failure)
    {
        if (!logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }

        var outcome = Outcome(failure);
        var code = (failure as IxBrowserApiException)?.Code;
        var text = $"{operation} failed in {elapsedMs} ms after {attempts} attempt(s): {outcome}" + (code is null ? string.Empty : $", error code {code}");
        var fields = new LogFields(text, "{Operation} failed in {ElapsedMs} ms after {Attempts} attempt(s): {Outcome}" + (code is null ? string.Empty : ", error code {ErrorCode}"))
        {
            { "Operation", operation }, { "ElapsedMs", elapsedMs }, { "Attempts", attempts }, { "Outcome", outcome }, { "ErrorCode", code },
        };
        logger.Log(LogLevel.Warning, CallFailedEvent, fields, failure, static (state, _) => state.Text);
    }

    /// <summary>An attempt failed and the pipeline tries again after <paramref name="delayMs"/>. Fields: Operation, Attempt, Outcome, ErrorCode, DelayMs.</summary>
    public static void Retrying(ILogger logger, string operation, int attempt, Exception? failure, long delayMs)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var outcome = Outcome(failure);
        var code = (failure as IxBrowserApiException)?.Code;
        var text = $"{operation} attempt {attempt} failed ({outcome}" + (code is null ? string.Empty : $", error code {code}") + $"); retrying in {delayMs} ms";
        var fields = new LogFields(text, "{Operation} attempt {Attempt} failed ({Outcome}" + (code is null ? string.Empty : ", error code {ErrorCode}") + "); retrying in {DelayMs} ms")
        {
            { "Operation", operation }, { "Attempt", attempt }, { "Outcome", outcome }, { "ErrorCode", code }, { "DelayMs", delayMs },
        };
        logger.Log(LogLevel.Information, RetryingEvent, fields, null, static (state, _) => state.Text);
    }

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
