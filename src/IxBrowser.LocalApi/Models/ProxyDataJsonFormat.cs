namespace IxBrowser.LocalApi;

// Hand-written half of the generated ProxyDataJsonFormat. Its Password is a field name, not a secret.
public partial class ProxyDataJsonFormat
{
    /// <inheritdoc />
    public override string ToString() => $"{{ Ip = \"{Ip}\", Port = \"{Port}\", Username = \"{Username}\", Password = \"{Password}\" }}";
}
