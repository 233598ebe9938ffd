using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using IxBrowser.LocalApi.Internal;

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
            var serverMessage = status.Message is null ? null : Redact.Text(status.Message, secrets);
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
                    ? $"HTTP 200 with a body that is not its JSON envelope ({Redact.Answer(parseError.Message, secrets)})"
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

    /// <summary>The answer is a redirect (3xx), or came from another address than the one asked: an HttpClient that follows redirects.</summary>
    public static bool IsRedirect(HttpResponseMessage answer, Uri destination)
    {
        var status = (int)answer.StatusCode;
        return status is >= 300 and < 400 || (answer.RequestMessage?.RequestUri is { } answered && answered != destination);
    }

    /// <summary>
    /// The local API never redirects, so a redirect comes from something else on the port (or a
    /// hostile server). The client never follows one; a user's HttpClient that did is caught here, so
    /// that its answer (from another host) is never taken for the operation's.
    /// </summary>
    public static IxBrowserProtocolException Redirect(string operation, Uri baseAddress, Uri destination, HttpResponseMessage answer, IReadOnlyList<string> secrets)
    {
        var status = (int)answer.StatusCode;
        var answered = answer.RequestMessage?.RequestUri;
        string what;
        if (answered is not null && answered != destination)
        {
            what = $"an answer from {Redact.Text(answered.ToString(), secrets)} instead of {destination}: the HttpClient followed a redirect. " +
                "The body was not sent there (the client refuses to re-send it), but the answer is not this operation's, so the call failed. " +
                "Use an HttpClient whose handler does not follow redirects (HttpClientHandler.AllowAutoRedirect = false), or AddIxBrowserClient, which uses one";
        }
        else
        {
            var location = answer.Headers.Location is { } target ? Redact.Text(target.ToString(), secrets) : "(no Location)";
            what = $"HTTP {status}, a redirect to {location}. The client never follows redirects: nothing was sent there";
        }

        var message = $"{operation}: the local API at {baseAddress} answered {what}. ixBrowser's local API never redirects: is another program listening on that port?";
        return new IxBrowserProtocolException(operation, message, status, string.Empty);
    }

    /// <summary>The HttpClient followed a 307/308 and tried to send the body again elsewhere; <see cref="Transport.GuardedJsonContent"/> refused.</summary>
    public static IxBrowserProtocolException RedirectRefused(string operation, Uri baseAddress, Uri destination, Uri? target, Exception exception, IReadOnlyList<string> secrets)
    {
        var where = target is null ? "another address" : Redact.Text(target.ToString(), secrets);
        var message = $"{operation}: the local API at {baseAddress} redirected the request for {destination} to {where}, and the HttpClient followed it. " +
            "The client refused to send the body there, so it went nowhere else. ixBrowser's local API never redirects: is another program listening on that port? " +
            "Use an HttpClient whose handler does not follow redirects (HttpClientHandler.AllowAutoRedirect = false), or AddIxBrowserClient, which uses one.";
        return new IxBrowserProtocolException(operation, message, 0, string.Empty, exception);
    }

    /// <summary>The answer is larger than <see cref="IxBrowserClientOptions.MaxResponseBytes"/>; the rest was not read.</summary>
    public static IxBrowserProtocolException TooLarge(string operation, Uri baseAddress, int status, long? declared, int limit)
    {
        var size = declared is { } length ? $"{length.ToString(CultureInfo.InvariantCulture)} bytes" : "more than that";
        var message = $"{operation}: the local API at {baseAddress} answered HTTP {status} with a body of {size}, above the limit of {limit.ToString(CultureInfo.InvariantCulture)} bytes " +
            "(IxBrowserClientOptions.MaxResponseBytes); the rest was not read. Ask for smaller pages (a lower limit), or raise MaxResponseBytes if the app really sends this much.";
        return new IxBrowserProtocolException(operation, message, status, string.Empty);
    }

    /// <summary>The transport failed: nothing listening, or the connection broke.</summary>
    public static IxBrowserConnectionException Unreachable(IxBrowserOperation operation, Uri baseAddress, Exception exception)
    {
        if (IsTlsFailure(exception))
        {
            // TLS failed before the request could be written: nothing reached the server, and trying again cannot help.
            var tls = $"{operation.Id}: the TLS handshake with {baseAddress} failed ({exception.Message}), so nothing was sent. " +
                "ixBrowser's local API speaks plain http: use http://127.0.0.1:53200, or check the certificate of the https proxy in front of it.";
            return new IxBrowserConnectionException(operation.Id, tls, baseAddress, exception) { NothingSent = true, Permanent = true };
        }

        var refused = ExceptionChain.Find<SocketException>(exception)?.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.AddressNotAvailable;
        var again = operation.RetrySafe
            ? "sending it again is safe"
            : "it is not safe to send it again blindly: check ixBrowser's state first";
        var message = refused
            ? $"{operation.Id}: the ixBrowser local API is not reachable at {baseAddress} ({exception.Message}). ixBrowser must be running and logged in, with its local API listening on that address."
            : $"{operation.Id}: the connection to the ixBrowser local API at {baseAddress} failed before a complete answer arrived ({exception.Message}). The request may or may not have been applied; {again}.";
        return new IxBrowserConnectionException(operation.Id, message, baseAddress, exception) { NothingSent = refused };
    }

    // The TLS handshake failed (https to a plain-http server, a bad certificate): the request was never written.
    private static bool IsTlsFailure(Exception exception)
    {
#if NET8_0_OR_GREATER
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError })
        {
            return true;
        }
#endif
        return ExceptionChain.Find<AuthenticationException>(exception) is not null
            || exception.Message.Contains("SSL connection could not be established");
    }

    public static bool IsTransportFailure(Exception exception) => exception is HttpRequestException or System.IO.IOException;

    private static string Excerpt(string body, IReadOnlyList<string> secrets)
    {
        // Masked whole before it is cut, so that a secret straddling the cut cannot leave its beginning behind.
        var head = Redact.Answer(body, secrets);
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
