using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace IxBrowser.LocalApi.Tests.Models;

/// <summary>Enum members that read like something else say at once what they mean (the spec's x-enumDescriptions).</summary>
public class EnumDocsTests
{
    [Theory]
    [InlineData("F:IxBrowser.LocalApi.ProxyExtractionMethod.Invalid", "Extract a new proxy when the current one stops working")]
    [InlineData("F:IxBrowser.LocalApi.ProxyMode.TrafficPackage", "A purchased residential proxy (traffic package)")]
    public void The_XML_docs_of_a_member_start_with_its_meaning(string member, string meaning)
    {
        var docs = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "IxBrowser.LocalApi.xml"));

        var summary = docs.Descendants("member").Single(m => (string?)m.Attribute("name") == member).Element("summary")!.Value.Trim();

        Assert.StartsWith(meaning, summary, StringComparison.Ordinal);
    }
}
