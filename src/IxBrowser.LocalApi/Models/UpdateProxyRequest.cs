using System.Text;

namespace IxBrowser.LocalApi;

// Hand-written half of the generated UpdateProxyRequest.
public partial class UpdateProxyRequest
{
    /// <summary>The fields that are set, for logs: proxy user and password are masked.</summary>
    /// <returns>For example <c>UpdateProxyRequest { Id = 24330, ProxyPort = "8080", ProxyPassword = *** }</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("UpdateProxyRequest { Id = ").Append(Id);
        if (ProxyType is { } type)
        {
            text.Append(", ProxyType = ").Append(type);
        }

        Append(text, nameof(ProxyIp), ProxyIp);
        Append(text, nameof(ProxyPort), ProxyPort);
        if (ProxyUser is not null)
        {
            text.Append(", ProxyUser = ").Append(Redact.Secret(ProxyUser));
        }

        if (ProxyPassword is not null)
        {
            text.Append(", ProxyPassword = ").Append(Redact.Secret(ProxyPassword));
        }

        if (Tags is not null)
        {
            text.Append(", Tags = ").Append(Tags);
        }

        Append(text, nameof(Note), Note);
        return text.Append(" }").ToString();
    }

    private static void Append(StringBuilder text, string name, string? value)
    {
        if (value is not null)
        {
            text.Append(", ").Append(name).Append(" = \"").Append(value).Append('"');
        }
    }
}
