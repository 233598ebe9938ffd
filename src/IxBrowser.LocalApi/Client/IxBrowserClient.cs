using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi;

/// <summary>
/// Client of the ixBrowser Local API's proxy operations. It wraps the client NSwag generates from
/// <c>spec/ixbrowser-local-api.yaml</c> and adds what the generator cannot know: success is an
/// envelope with <c>error.code == 0</c> inside HTTP 200, every other answer becomes an
/// <see cref="IxBrowserException"/>, and requests are checked before they are sent.
/// </summary>
/// <remarks>
/// The client does not own the <see cref="HttpClient"/>; share one instance (or use
/// IHttpClientFactory) for the whole application. Instances are safe for concurrent use.
/// </remarks>
public class IxBrowserClient : IIxBrowserClient
{
    /// <summary>The operationId of <see cref="UpdateProfileProxyForApiExtractionAsync"/> in the spec.</summary>
    public const string UpdateProfileProxyForApiExtractionOperation = "UpdateProfileProxyForApiExtraction";

    /// <summary>The operationId of <see cref="UpdateProxyAsync"/> in the spec.</summary>
    public const string UpdateProxyOperation = "UpdateProxy";

    private const int ExcerptLength = 200;

    private readonly HttpClient _httpClient;
    private readonly IxBrowserGeneratedClient _generated;

    /// <summary>
    /// Creates a client that sends its requests through <paramref name="httpClient"/>, to its
    /// <see cref="HttpClient.BaseAddress"/> or, when it has none, to <see cref="DefaultBaseAddress"/>.
    /// </summary>
    /// <param name="httpClient">The HTTP client to use; not disposed by this client.</param>
    public IxBrowserClient(HttpClient httpClient)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        BaseAddress = httpClient.BaseAddress ?? DefaultBaseAddress;
        _generated = new IxBrowserGeneratedClient(httpClient)
        {
            BaseUrl = BaseAddress.AbsoluteUri,
            // The body text is needed to report what came back when it is not an envelope.
            ReadResponseAsString = true,
        };
    }

    /// <summary>For mocking frameworks only: a client created this way cannot send requests.</summary>
    protected IxBrowserClient()
    {
        _httpClient = null!;
        _generated = null!;
        BaseAddress = DefaultBaseAddress;
    }

    /// <summary>Where ixBrowser's local API listens by default: <c>http://127.0.0.1:53200/</c>.</summary>
    public static Uri DefaultBaseAddress { get; } = new("http://127.0.0.1:53200/");

    /// <summary>The address this client sends its requests to.</summary>
    public Uri BaseAddress { get; }

    /// <inheritdoc />
    public virtual Task<IxBrowserResponse> UpdateProfileProxyForApiExtractionAsync(UpdateProfileProxyForApiExtractionRequest request, CancellationToken cancellationToken = default)
    {
        RequestValidator.Validate(request);
        return SendAsync(
            UpdateProfileProxyForApiExtractionOperation,
            token => _generated.UpdateProfileProxyForApiExtractionAsync(request, token),
            IxBrowserDataKind.JsonString,
            new[] { request.ProxyInfo.ProxyUrl },
            cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<IxBrowserResponse> UpdateProxyAsync(UpdateProxyRequest request, CancellationToken cancellationToken = default)
    {
        RequestValidator.Validate(request);
        return SendAsync(
            UpdateProxyOperation,
            token => _generated.UpdateProxyAsync(request, token),
            IxBrowserDataKind.JsonInteger,
            new[] { request.ProxyPassword, request.ProxyUser },
            cancellationToken);
    }

    private async Task<IxBrowserResponse> SendAsync(
        string operation,
        Func<CancellationToken, Task<IxBrowserResponse>> send,
        IxBrowserDataKind expectedData,
        string?[] secrets,
        CancellationToken cancellationToken)
    {
        IxBrowserResponse response;
        try
        {
            response = await send(cancellationToken).ConfigureAwait(false);
        }
        catch (GeneratedClientException exception)
        {
            throw NotAnEnvelope(operation, exception, secrets);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException exception)
        {
            // Not the caller's token: HttpClient.Timeout elapsed.
            throw new IxBrowserTimeoutException(operation, _httpClient.Timeout, exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw Unreachable(operation, exception);
        }

        var status = response.Status;
        if (status.Code != 0)
        {
            // A server that echoes the request in its message must not leak the request's secrets.
            var serverMessage = status.Message is null ? null : Redact.Remove(status.Message, secrets);
            throw new IxBrowserApiException(operation, status.Code, serverMessage, status.Time);
        }

        if (response.Data is not { } data || data.Kind != expectedData)
        {
            var found = response.Data is null ? "no data" : response.Data.Describe();
            var expected = expectedData == IxBrowserDataKind.JsonString ? "the string \"success\"" : "the integer 1";
            var excerpt = Excerpt(response.ToString(), secrets);
            throw new IxBrowserProtocolException(
                operation,
                $"{operation}: the local API at {BaseAddress} reported success (code 0) but its data was {found}, where the spec documents {expected}. Answer: {excerpt}",
                200,
                excerpt);
        }

        return response;
    }

    private IxBrowserProtocolException NotAnEnvelope(string operation, GeneratedClientException exception, string?[] secrets)
    {
        var body = exception.Response ?? string.Empty;
        var excerpt = Excerpt(body, secrets);
        var what = exception.StatusCode != 200
            ? $"HTTP {exception.StatusCode} instead of 200 with its JSON envelope"
            : body.Length == 0
                ? "HTTP 200 with an empty body instead of its JSON envelope"
                : exception.InnerException is { } parseError
                    ? $"HTTP 200 with a body that is not its JSON envelope ({Redact.Remove(parseError.Message, secrets)})"
                    : "HTTP 200 with a body that is not its JSON envelope";
        var message = string.Format(
            CultureInfo.InvariantCulture,
            "{0}: the local API at {1} answered {2}. Body ({3} characters){4}\"{5}\". Is another program listening on that port, or is ixBrowser starting up or failing?",
            operation,
            BaseAddress,
            what,
            body.Length,
            body.Length > ExcerptLength ? ", starts with " : ": ",
            excerpt);
        return new IxBrowserProtocolException(operation, message, exception.StatusCode, excerpt);
    }

    private IxBrowserConnectionException Unreachable(string operation, Exception exception)
    {
        var refused = FindSocketError(exception) is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.AddressNotAvailable;
        var message = refused
            ? $"{operation}: the ixBrowser local API is not reachable at {BaseAddress} ({exception.Message}). ixBrowser must be running and logged in, with its local API listening on that address."
            : $"{operation}: the connection to the ixBrowser local API at {BaseAddress} failed before a complete answer arrived ({exception.Message}). The update may or may not have been applied; sending it again is safe.";
        return new IxBrowserConnectionException(operation, message, BaseAddress, exception);
    }

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

    private static string Excerpt(string body, string?[] secrets)
    {
        // Redact before cutting, so that a secret straddling the cut cannot leave a prefix behind.
        var head = body.Length > 4 * ExcerptLength ? body.Substring(0, 4 * ExcerptLength) : body;
        head = Redact.Remove(head, secrets);
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
