using System;

namespace IxBrowser.LocalApi.Validation;

/// <summary>
/// Generated from <c>x-target</c> in the spec: the property is the id of what the request acts on
/// (a proxy, a profile, a proxy tag), which a failure's message names.
/// </summary>
/// <param name="kind">What the id identifies, in words, for example <c>proxy</c>.</param>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class TargetAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;
}
