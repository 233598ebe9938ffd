using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Serialization;

/// <summary>
/// The one JSON configuration of the wire, and the cheap way to use it: one cached serializer, bodies
/// written once into UTF-8 bytes with pooled buffers, answers read with pooled buffers (see
/// tests/IxBrowser.LocalApi.Benchmarks for what each choice saved).
/// </summary>
internal static class WireJson
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Newtonsoft's serializer is safe to share once configured; JsonConvert would build one per call.
    public static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        // Strings such as "2024-01-01" stay strings; nothing in the API is a date.
        DateParseHandling = DateParseHandling.None,
        // An envelope is a few levels deep; a deeply nested body is garbage, not data.
        MaxDepth = 32,
        // Enum wire strings from tables built once, in place of the generated StringEnumConverter.
        ContractResolver = new WireContractResolver(),
    });

    private static readonly IxBrowserResponseJsonConverter Envelope = new();

    /// <summary>
    /// The body as UTF-8 JSON with a known length (no chunked upload: the desktop app's server is
    /// simple), which only <paramref name="destination"/> may receive (see <see cref="Transport.GuardedJsonContent"/>).
    /// </summary>
    public static HttpContent CreateContent(object body, HttpRequestMessage message, Uri destination) =>
        new Transport.GuardedJsonContent(Utf8.GetBytes(Serialize(body)), message, destination);

    public static string Serialize(object body)
    {
        var text = new StringBuilder(256);
        using (var writer = new StringWriter(text, System.Globalization.CultureInfo.InvariantCulture))
        using (var json = new JsonTextWriter(writer) { ArrayPool = PooledChars.Instance, CloseOutput = false })
        {
            Serializer.Serialize(json, body);
        }

        return text.ToString();
    }

    /// <summary>
    /// An answer's envelope, read by its converter directly: the same reading as
    /// <c>Deserialize&lt;IxBrowserResponse&lt;TData&gt;&gt;</c> (the reader set up as the serializer sets it up,
    /// the same exceptions), without the serializer's own set-up per call, about 0.1 µs of a call in memory.
    /// Null for a body of only white space.
    /// </summary>
    public static IxBrowserResponse<TData>? ReadEnvelope<TData>(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text))
        {
            ArrayPool = PooledChars.Instance,
            CloseInput = true,
            DateParseHandling = Serializer.DateParseHandling,
            MaxDepth = Serializer.MaxDepth,
        };
        return reader.Read() ? (IxBrowserResponse<TData>?)Envelope.ReadJson(reader, typeof(IxBrowserResponse<TData>), null, Serializer) : null;
    }

    public static T? Deserialize<T>(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { ArrayPool = PooledChars.Instance, CloseInput = true };
        return Serializer.Deserialize<T>(reader);
    }

    /// <summary>
    /// JSON text as a token tree, read the way the wire is read: a string that looks like a date
    /// ("2024-09-09T14:27:56Z") stays a string, which <see cref="JToken.Parse(string)"/> would turn
    /// into a date. The simulator reads request bodies with it.
    /// </summary>
    public static JToken Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 32, CloseInput = true };
        var token = JToken.ReadFrom(reader);
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                throw new JsonReaderException($"Additional text after the JSON value at line {reader.LineNumber}, position {reader.LinePosition}.");
            }
        }

        return token;
    }

    /// <summary>Lends Newtonsoft's readers and writers their char buffers from the shared pool.</summary>
    private sealed class PooledChars : IArrayPool<char>
    {
        public static readonly PooledChars Instance = new();

        public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array is not null)
            {
                ArrayPool<char>.Shared.Return(array);
            }
        }
    }
}
