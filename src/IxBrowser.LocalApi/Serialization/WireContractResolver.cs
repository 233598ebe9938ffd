using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace IxBrowser.LocalApi.Serialization;

/// <summary>
/// The generated models put Newtonsoft's StringEnumConverter on every enum property; this resolver
/// swaps in <see cref="WireEnumConverter"/>, which writes the same strings from cached tables.
/// Used by the generated client's serializer only; contracts are built once per type.
/// </summary>
internal sealed class WireContractResolver : DefaultContractResolver
{
    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (property.Converter is StringEnumConverter)
        {
            // The property type's own converter, which holds its table (see WireEnumConverter).
            property.Converter = WireEnumConverter.For(property.PropertyType!);
        }

        return property;
    }
}
