using Newtonsoft.Json;

namespace IxBrowser.LocalApi;

// Hand-written half of the NSwag-generated client (hooks the generator declares as partial).
internal partial class IxBrowserGeneratedClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings)
    {
        // Strings such as "2024-01-01" stay strings; nothing in the envelope is a date.
        settings.DateParseHandling = DateParseHandling.None;
        // An envelope is two levels deep; a deeply nested body is garbage, not data.
        settings.MaxDepth = 32;
    }
}
