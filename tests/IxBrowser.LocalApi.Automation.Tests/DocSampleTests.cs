using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace IxBrowser.LocalApi.Automation.Tests;

/// <summary>docs/profiles-and-automation.md shows the samples exactly as the tests of this project run them.</summary>
public class DocSampleTests
{
    [Theory]
    [InlineData("PlaywrightSampleTests.cs", "Playwright")]
    [InlineData("SeleniumSampleTests.cs", "Selenium")]
    [InlineData("PuppeteerSampleTests.cs", "PuppeteerSharp")]
    [InlineData("WorkflowSampleTests.cs", "Workflow")]
    public void The_docs_show_the_sample_the_test_runs(string testFile, string sample)
    {
        var root = FindRoot();
        var source = File.ReadAllText(Path.Combine(root, "tests", "IxBrowser.LocalApi.Automation.Tests", testFile));
        var match = Regex.Match(source, $@"// docs/profiles-and-automation\.md: {Regex.Escape(sample)}\r?\n(?<code>.*?)\r?\n\s*// end of sample", RegexOptions.Singleline);
        Assert.True(match.Success, $"{testFile} has no sample region named {sample}");

        var docs = Lines(File.ReadAllText(Path.Combine(root, "docs", "profiles-and-automation.md")));
        var code = Lines(match.Groups["code"].Value);

        // Whole lines: a doc line that merely starts with the sample's last line does not count.
        Assert.True(("\n" + docs + "\n").Contains("\n" + code + "\n", StringComparison.Ordinal), $"docs/profiles-and-automation.md does not show the {sample} sample as {testFile} runs it:\n{code}");
    }

    private static string Lines(string text) => string.Join("\n", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
