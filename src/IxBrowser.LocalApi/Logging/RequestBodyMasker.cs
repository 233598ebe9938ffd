using System.Linq;
using IxBrowser.LocalApi.Internal;
using IxBrowser.LocalApi.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi;

/// <summary>Renders a request body for the Debug log, with the value of every property the spec marks x-secret masked.</summary>
internal static class RequestBodyMasker
{
    public static string Mask(object request)
    {
        var body = JToken.FromObject(request, WireJson.Serializer);
        MaskSecrets(body as JObject, request, depth: 0);
        return body.ToString(Formatting.None);
    }

    private static void MaskSecrets(JObject? json, object? model, int depth)
    {
        if (json is null || model is null || depth > 8)
        {
            return;
        }

        foreach (var property in WireModel.Of(model.GetType()).Where(p => p.IsSecret || p.IsModel))
        {
            if (json.Property(property.WireName) is not { } member)
            {
                continue;
            }

            if (property.IsModel)
            {
                MaskSecrets(member.Value as JObject, property.GetValue(model), depth + 1);
            }
            else if (member.Value.Type != JTokenType.String || ((string?)member.Value)!.Length > 0)
            {
                // Empty stays visible: clearing a field is worth seeing and reveals nothing.
                member.Value = Redact.Mask;
            }
        }
    }
}
