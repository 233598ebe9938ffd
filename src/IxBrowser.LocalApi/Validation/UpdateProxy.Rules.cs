using System.Collections.Generic;
using System.Linq;
using IxBrowser.LocalApi.Validation;

namespace IxBrowser.LocalApi;

// Rule of UpdateProxy on the hand-written ProxyTagList (the spec's anyOf string/array, which the
// generator cannot type, so no attribute carries it): a null tag cannot be sent.
public partial class UpdateProxyRequest : ICrossFieldRules
{
    void ICrossFieldRules.AddProblems(ICollection<string> problems)
    {
        if (Tags is { } tags && tags.Any(tag => tag is null))
        {
            problems.Add(RequestValidator.Name("Tags", "tag") + " must not contain null; remove the null entries (an empty list clears the tags).");
        }
    }
}
