using FoiKit.Model;
using FoiKit.Reference;

namespace FoiKit.Tests;

public class ForceRegistryTests
{
    private static ForceRegistry Forces => Kit.Reference.Forces;

    [Theory]
    [InlineData("Dorset Police", "dorset")]
    [InlineData("surrey police", "surrey")]
    [InlineData("Avon & Somerset", "avon-and-somerset")]
    [InlineData("avon and somerset", "avon-and-somerset")]
    [InlineData("AVON & SOMERSET CONSTABULARY", "avon-and-somerset")]
    [InlineData("Avon-and-Somerset", "avon-and-somerset")]
    [InlineData("  Avon &  Somerset Police. ", "avon-and-somerset")]
    [InlineData("Dyfed–Powys Police", "dyfed-powys")]
    [InlineData("Dyfed Powys", "dyfed-powys")]
    [InlineData("Hampshire Constabulary", "hampshire")]
    [InlineData("the Met", "metropolitan")]
    [InlineData("Cambridgeshire Police Force", "cambridgeshire")]
    [InlineData("British Transport Police (BTP)", "btp")]
    public void Official_names_aliases_and_ids_resolve_whatever_the_case_and_punctuation(string printed, string id)
    {
        var found = Forces.Resolve(printed);

        Assert.True(found.Ok, found.Error);
        Assert.Equal(id, found.Value!.Id);
    }

    [Fact]
    public void Every_official_name_alias_and_id_in_forces_csv_resolves_to_its_own_force()
    {
        foreach (var force in Forces.All)
        {
            foreach (var name in force.Aliases.Append(force.OfficialName).Append(force.Id))
                Assert.Equal(force.Id, Forces.Resolve(name).Value?.Id);
        }
    }

    [Fact]
    public void A_resolved_force_carries_its_official_name_and_ons_code()
    {
        var surrey = Forces.Resolve("surrey police").Value!;

        Assert.Equal("Surrey Police", surrey.OfficialName);
        Assert.Equal("E23000031", surrey.OnsCode);
        Assert.True(surrey.IsTerritorial);
    }

    [Theory]
    [InlineData("Gotham City Police")]
    [InlineData("Somerset")] // half of a joint name is not a force
    [InlineData("Police")]
    public void Unknown_forces_fail_with_a_reason_that_quotes_the_name(string printed)
    {
        var found = Forces.Resolve(printed);

        Assert.False(found.Ok);
        Assert.Contains($"'{printed}'", found.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_name_is_not_a_force()
    {
        Assert.False(Forces.Resolve("").Ok);
        Assert.False(Forces.Resolve(null).Ok);
    }

    [Fact]
    public void A_name_claimed_by_two_forces_is_refused_when_the_registry_is_built()
    {
        var a = new Force("a", "North Police", ["Shared"], "E1", "England", "X", true);
        var b = new Force("b", "South Police", ["shared"], "E2", "England", "X", true);

        var e = Assert.Throws<InvalidDataException>(() => new ForceRegistry([a, b]));
        Assert.Contains("Shared", e.Message, StringComparison.OrdinalIgnoreCase);
    }
}
