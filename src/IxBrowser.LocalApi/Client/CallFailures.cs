using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;

namespace IxBrowser.LocalApi;

/// <summary>Turns what went wrong in one attempt into the library's exceptions, with secrets removed.</summary>
internal static class CallFailures
{
    private const int ExcerptLength = 200;

    /// <summary>Why an envelope is not a success: error.code is not 0, or data is not what the spec documents.</summary>
    public static IxBrowserException Failure<TData>(IxBrowserOperation operation, Uri baseAddress, IxBrowserResponse<TData> response, string body, IReadOnlyList<string> secrets, string? target)
    {
        var status = response.Status;
        if (status.Code != 0)
        {
            // A server that echoes the request in its message must not leak the request's secrets.
            var serverMessage = status.Message is null ? null : Redact.Remove(status.Message, secrets);
            return new IxBrowserApiException(operation.Id, status.Code, serverMessage, status.Time, target);
        }

        var found = response.DataMismatch ?? "absent";
        var excerpt = Excerpt(body, secrets);
        return new IxBrowserProtocolException(
            operation.Id,
            $"{operation.Id}: the local API at {baseAddress} reported success (code 0) but its data was {found}, where the spec documents {operation.ExpectedData}. Answer: {excerpt}",
            200,
            excerpt);
    }

    /// <summary>The answer could not be read as an envelope: wrong status, empty, not JSON, wrong shape.</summary>
    public static IxBrowserProtocolException NotAnEnvelope(string operation, Uri baseAddress, int statusCode, string body, Exception? parseError, IReadOnlyList<string> secrets)
    {
        var excerpt = Excerpt(body, secrets);
        var what = statusCode != 200
            ? $"HTTP {statusCode} instead of 200 with its JSON envelope"
            : body.Length == 0
                ? "HTTP 200 with an empty body instead of its JSON envelope"
                : parseError is not null
                    ? $"HTTP 200 with a body that is not its JSON envelope ({Redact.Remove(parseError.Message, secrets)})"
                    : "HTTP 200 with a body that is not its JSON envelope";
        var message = string.Format(
            CultureInfo.InvariantCulture,
            "{0}: the local API at {1} answered {2}. Body ({3} characters){4}\"{5}\". Is another program listening on that port, or is ixBrowser starting up or failing?",
            operation,
            baseAddress,
            what,
            body.Length,
            body.Length > ExcerptLength ? ", starts with " : ": ",
            excerpt);
        return new IxBrowserProtocolException(operation, message, statusCode, excerpt);
    }

    /// <summary>The transport failed: nothing listening, or the connection broke.</summary>
    public static IxBrowserConnectionException Unreachable(IxBrowserOperation operation, Uri baseAddress, Exception exception)
    {
        var refused = FindSocketError(exception) is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.AddressNotAvailable;
        var again = operation.RetrySafe
            ? "sending it again is safe"
            : "it is not safe to send it again blindly: check ixBrowser's state first";
        var message = refused
            ? $"{operation.Id}: the ixBrowser local API is not reachable at {baseAddress} ({exception.Message}). ixBrowser must be running and logged in, with its local API listening on that address."
            : $"{operation.Id}: the connection to the ixBrowser local API at {baseAddress} failed before a complete answer arrived ({exception.Message}). The request may or may not have been applied; {again}.";
        return new IxBrowserConnectionException(operation.Id, message, baseAddress, exception) { NothingSent = refused };
    }

    public static bool IsTransportFailure(Exception exception) => exception is HttpRequestException or System.IO.IOException;

    private static SocketError? FindSocketError(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SocketException socketException)
            {
                return socketException.SocketErrorCode;
            }
        }

        return null;
    }

    private static string Excerpt(string body, IReadOnlyList<string> secrets)
    {
        // Redact before cutting, so that a secret straddling the cut cannot leave a prefix behind.
        var head = body.Length > 4 * ExcerptLength ? body.Substring(0, 4 * ExcerptLength) : body;
        head = Redact.Remove(Redact.SecretFields(head), secrets);
        if (head.Length > ExcerptLength)
        {
            head = head.Substring(0, ExcerptLength) + "...";
        }

        var chars = head.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }
}
