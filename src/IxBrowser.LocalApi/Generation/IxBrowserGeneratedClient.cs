using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using Newtonsoft.Json;

namespace IxBrowser.LocalApi;

// Hand-written half of the NSwag-generated client: the hooks the generator declares as partial, and
// the helpers that the template deviations (Templates/Client.Class*.liquid) call.
internal partial class IxBrowserGeneratedClient
{
    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders = new Dictionary<string, IEnumerable<string>>();
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly HttpMethod Patch = new("PATCH");

    // Newtonsoft's serializer is safe to share once configured; JsonConvert would build one per call.
    private static readonly Lazy<JsonSerializer> Serializer = new(() => JsonSerializer.Create(_settings!.Value), isThreadSafe: true);

    static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings)
    {
        // Strings such as "2024-01-01" stay strings; nothing in the envelope is a date.
        settings.DateParseHandling = DateParseHandling.None;
        // An envelope is two levels deep; a deeply nested body is garbage, not data.
        settings.MaxDepth = 32;
        // Same wire strings as the generator's StringEnumConverter, from tables built once.
        settings.ContractResolver = new Serialization.WireContractResolver();
        // The envelope is read in one pass instead of through Newtonsoft's required-property tracking.
        settings.Converters.Add(new Serialization.IxBrowserResponseJsonConverter());
    }

    private static HttpMethod CachedMethod(string method) => method switch
    {
        "POST" => HttpMethod.Post,
        "GET" => HttpMethod.Get,
        "PUT" => HttpMethod.Put,
        "DELETE" => HttpMethod.Delete,
        "PATCH" => Patch,
        _ => new HttpMethod(method),
    };

    /// <summary>The body as UTF-8 JSON with a known length (no chunked upload: the desktop app's server is simple).</summary>
    private static ByteArrayContent CreateJsonContent(object body, string contentType)
    {
        var text = new StringBuilder(256);
        using (var writer = new StringWriter(text, System.Globalization.CultureInfo.InvariantCulture))
        using (var json = new JsonTextWriter(writer) { ArrayPool = PooledChars.Instance, CloseOutput = false })
        {
            Serializer.Value.Serialize(json, body);
        }

        var content = new ByteArrayContent(Utf8.GetBytes(text.ToString()));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static T DeserializeJson<T>(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { ArrayPool = PooledChars.Instance, CloseInput = true };
        return Serializer.Value.Deserialize<T>(reader)!;
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
