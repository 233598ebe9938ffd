using System.Collections.Generic;

namespace IxBrowser.LocalApi.Validation;

/// <summary>
/// A rule the spec cannot express (one field required when another has a value). Implemented in a
/// hand-written partial of the request model, in a file named after its operation.
/// </summary>
internal interface ICrossFieldRules
{
    /// <summary>Adds a problem for every rule the request breaks; runs after the spec's own checks.</summary>
    void AddProblems(ICollection<string> problems);
}
