using System.Collections;
using System.Globalization;
using System.Text;

namespace IxBrowser.LocalApi.Internal;

/// <summary>
/// ToString of every generated model: its type and the properties that are set, secrets as ***.
/// For example <c>UpdateProxyRequest { Id = 24330, ProxyPort = "8080", ProxyPassword = *** }</c>.
/// </summary>
internal static class ModelText
{
    public static string Describe(object model)
    {
        var text = new StringBuilder(model.GetType().Name).Append(" {");
        var first = true;
        foreach (var property in WireModel.Of(model.GetType()))
        {
            var value = property.GetValue(model);
            if (value is null)
            {
                continue;
            }

            text.Append(first ? " " : ", ").Append(property.Property.Name).Append(" = ");
            text.Append(property.IsSecret ? Redact.Secret(value as string ?? value.ToString()) : Value(value));
            first = false;
        }

        return text.Append(first ? "}" : " }").ToString();
    }

    /// <summary>A value as it reads in C#: strings quoted, lists bracketed, models described.</summary>
    public static string Value(object? value) => value switch
    {
        null => "null",
        string text => "\"" + text + "\"",
        bool flag => flag ? "true" : "false",
        System.IFormattable number when value is not System.Enum => number.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", Items(items)) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    private static System.Collections.Generic.IEnumerable<string> Items(IEnumerable items)
    {
        foreach (var item in items)
        {
            yield return Value(item);
        }
    }
}
