using System.Reflection;
using System.Runtime.Versioning;

namespace IxBrowser.LocalApi.NetStandard.Tests;

/// <summary>The tests of this project prove something only if they ran against the netstandard2.0 build.</summary>
public class BuildUnderTestTests
{
    [Fact]
    public void The_library_under_test_is_the_netstandard20_build()
    {
        var framework = typeof(IxBrowserClient).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;

        Assert.Equal(".NETStandard,Version=v2.0", framework);
    }
}
