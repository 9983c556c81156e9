using FoiKit.Analyse;
using FoiKit.Reference;

namespace FoiKit.Tests;

/// <summary>The request definition's optional fields: what is particular to one request lives there, not in the code.</summary>
public class RequestDefinitionTests
{
    [Fact]
    public void The_real_request_states_its_keyword_and_its_caveat()
    {
        var request = Kit.Data.FindRequest(Kit.RequestId)!;
        Assert.Equal(["TikTok"], request.Keywords);
        Assert.Equal("Forces counted by keyword searches of free text, which they warn does not make TikTok an element of the offence.", request.ComparisonCaveat);
        Assert.Null(request.PopulationYear);
    }

    [Fact]
    public void The_real_requests_rates_use_mid_2024_the_mid_year_nearest_the_end_of_2023_24()
    {
        // 2023/24 ends on 5 April 2024 (tax-year basis): 30 June 2024 is 86 days later, 30 June 2023 is
        // 280 days earlier; force_population.csv holds 2022, 2023 and 2024.
        Assert.Equal(2024, ForceProfiles.PopulationYearFor(Kit.Data.FindRequest(Kit.RequestId)!, Kit.Reference.Population));
    }

    [Fact]
    public void A_population_year_the_table_does_not_hold_falls_back_to_the_nearest_it_holds()
    {
        // A request ending in 2026/27 (31 March 2027) wants mid-2027; the table's nearest is 2024.
        using var dir = new TempDir();
        var path = dir.Write("r.json", """{ "id": "synthetic-late", "questions": { "Q": { "measure": "offences", "by": "period", "periods": ["2025/26", "2026/27"] } } }""");
        var request = RequestReader.Read(path).Value!;
        Assert.Equal(2024, ForceProfiles.PopulationYearFor(request, Kit.Reference.Population));
        var early = RequestReader.Read(dir.Write("e.json", """{ "id": "synthetic-early", "questions": { "Q": { "measure": "offences", "by": "period", "periods": ["2015/16"] } } }""")).Value!;
        Assert.Equal(2022, ForceProfiles.PopulationYearFor(early, Kit.Reference.Population));
    }

    [Theory]
    [InlineData("\"keywords\": \"TikTok\"", "'keywords' must be a list of words")]
    [InlineData("\"keywords\": [1]", "keyword '1' is not a word in quotes")]
    [InlineData("\"population_year\": \"2024\"", "population_year '2024' is not a year like 2024")]
    [InlineData("\"population_year\": 24.5", "population_year '24.5' is not a year like 2024")]
    public void A_wrong_optional_field_is_an_error_naming_the_file(string field, string message)
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.json", $$"""{ "id": "synthetic-bad", {{field}}, "questions": { "1": { "measure": "offences", "by": "period", "periods": ["2021/22"] } } }""");
        var parsed = RequestReader.Read(path);
        Assert.False(parsed.Ok);
        Assert.StartsWith($"{path}: {message}", parsed.Error!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stated_population_year_and_keywords_are_read()
    {
        using var dir = new TempDir();
        var path = dir.Write("r.json", """{ "id": "synthetic-stated", "keywords": ["word one", "word two"], "comparison_caveat": " A sentence. ", "population_year": 2022, "questions": { "1": { "measure": "offences", "by": "period", "periods": ["2021/22"] } } }""");
        var request = RequestReader.Read(path).Value!;
        Assert.Equal(["word one", "word two"], request.Keywords);
        Assert.Equal("A sentence.", request.ComparisonCaveat);
        Assert.Equal(2022, request.PopulationYear);
        Assert.Equal(2022, ForceProfiles.PopulationYearFor(request, Kit.Reference.Population));
    }
}
