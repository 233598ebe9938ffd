using System.Linq;

namespace IxBrowser.LocalApi.Tests.Contract;

/// <summary>
/// What only the real spec must hold. The other contract tests are generic: the fixture project
/// (tests/IxBrowser.LocalApi.Fixture.Tests) runs them on its spec of every construct as well.
/// </summary>
public class RealSpecTests
{
    private static readonly SpecDocument Spec = SpecDocument.Load();

    [Fact]
    public void The_spec_has_every_documented_endpoint()
    {
        Assert.Equal(47, ContractChecker.Operations(Spec.Document).Count());
        Assert.Equal(47, typeof(IxBrowserOperations).GetFields().Length);
    }

    [Fact]
    public void The_catalogue_holds_the_whole_error_appendix()
    {
        Assert.True(ContractChecker.Catalogue(Spec.Document).Count > 100, "the catalogue should hold the whole appendix (page 48)");
    }
}
