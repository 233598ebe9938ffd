using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi;

/// <summary>Renders a request body for the Debug log with its secret fields masked.</summary>
internal static class RequestBodyMasker
{
    // Wire names whose values are credentials or carry an API key. proxy_data_json_format.password is
    // absent on purpose: it is the name of a field, not a password.
    private static readonly HashSet<string> SecretFields = new(StringComparer.Ordinal) { "proxy_password", "proxy_user", "proxy_url" };

    public static string Mask(object request, JsonSerializerSettings settings)
    {
        var body = (JContainer)JToken.FromObject(request, JsonSerializer.Create(settings));
        foreach (var property in body.Descendants().OfType<JProperty>().Where(p => SecretFields.Contains(p.Name)).ToList())
        {
            // Empty stays visible: clearing a field is worth seeing and reveals nothing.
            if (property.Value.Type != JTokenType.String || ((string?)property.Value)!.Length > 0)
            {
                property.Value = Redact.Mask;
            }
        }

        return body.ToString(Formatting.None);
    }
}
