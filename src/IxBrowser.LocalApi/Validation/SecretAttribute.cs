using System;

namespace IxBrowser.LocalApi.Validation;

/// <summary>
/// Generated from <c>x-secret: true</c> in the spec: the property holds a credential or carries one.
/// Its value never appears in ToString, logs, exception messages or response excerpts.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SecretAttribute : Attribute
{
}
