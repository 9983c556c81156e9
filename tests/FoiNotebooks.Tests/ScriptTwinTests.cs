// Each notebook's twin, a .NET 10 file-based app, run with `dotnet run` as a user would, prints the
// same key figures the notebook computes and writes its chart page.
using FoiKit.Tests;

namespace FoiNotebooks.Tests;

public sealed class ScriptTwinTests
{
    public static TheoryData<string, string[]> Twins() => new()
    {
        {
            "00-start-here",
            [
                "7 source file(s), 49 tidy row(s), 0 reject(s), 7 warning(s)",
                "No rejects: every data cell became a tidy row.",
                "warning: data/responses/dorset.json: the source was cut off",
            ]
        },
        {
            "01-reproduce-the-article",
            [
                "three-year total: 513 (printed total (published_article: cambridgeshire 1 row 1))",
                "rise of 73%: not_checkable",
                "rising year on year: not_checkable",
                "year bounds: 28 whole-number splits fit; 2021/22 116-137, 2022/23 139-196, 2023/24 201-237",
                "2023/24 offences by type: stalking and harassment 108, violent crimes 32, rape 5, other sexual offences 13 (sum 158)",
                "violent crimes: ambiguous",
                "(sum 148)",
                "evidential difficulties: 99 of 148; most common: consistent",
                "offence types unaccounted for: 43-111",
                "outcomes unaccounted for: 53-89",
            ]
        },
        {
            "02-across-forces",
            [
                "6 forces with material",
                "rate per 100k cambridgeshire: 54.9",
                "rate per 100k dorset: 5.8",
                "rate per 100k dyfed-powys: 20.2",
                "rate per 100k hertfordshire: 15.2",
                "rate per 100k lancashire: 14.7",
                "charge rate lancashire: 3.1% (3 of 98)",
                "Dorset Police recorded 46 offences linked to TikTok from 2021/22 to 2023/24, according to its own FOI answer",
                "West Mercia Police: the source we have prints no whole-number offence figure for the force.",
            ]
        },
        {
            "03-methodology-review",
            [
                "period basis as requested: 1 of 7 sources",
                "keyword searches named: 1",
                "printed totals matching their parts: 5 of 6",
                "cut-off sources: 7",
                "small counts Dorset Police: 14 to 16 is +14.3%; one offence more or fewer: +6.7% to +23.1%",
                "30 claim(s) are consistent; 30 of them were checked only against the figures of the article",
                "known forces: 5, known total: 1088, if all at lowest rate: 3585, if all at highest rate: 33932",
                "140,000 is exactly ten times 14,000",
            ]
        },
        {
            "04-ask-a-new-question",
            [
                "49 tidy rows",
                "1a dorset data/responses/dorset.json 2023/24 group 'Violence against the person': 12",
                "1a cambridgeshire data/articles/peterborough-today__cambridgeshire.json in the last year group 'Sexual offences': 18",
                "labels at level unresolved: 4",
                "2023/24 per 100k Dyfed-Powys Police: 8.0",
                "2023/24 per 100k Dorset Police: 2.0",
            ]
        },
        {
            "05-teaching-foi-data",
            [
                "so the exercises read Dorset Police's answer instead",
                "printed rows: 4",
                "tidy rows: 4",
                "sentence: Dorset Police logged 46 offences whose crime records mention TikTok or Tik Tok between 6 April 2021 and 5 April 2024",
                "Exercise 7 (wording):",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Twins))]
    public async Task The_twin_prints_the_notebooks_key_figures(string name, string[] expected)
    {
        var run = await Processes.DotnetAsync(Repo.Root, TimeSpan.FromMinutes(10), "run", $"scripts/{name}.cs");
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var line in expected) Assert.Contains(line, run.Stdout, StringComparison.Ordinal);
        if (name is not ("00-start-here" or "05-teaching-foi-data"))
        {
            var page = Repo.PathOf($"out/scripts/{name}.html");
            Assert.Contains($"charts: {page}", run.Stdout, StringComparison.Ordinal);
            Assert.Empty(FoiKit.Charts.ChartPage.FindRemoteReferences(await File.ReadAllTextAsync(page)));
        }
    }

    [Fact]
    public async Task The_teaching_twin_checks_answers_and_shows_one_only_when_asked()
    {
        var run = await Processes.DotnetAsync(Repo.Root, TimeSpan.FromMinutes(10), "run", "scripts/05-teaching-foi-data.cs", "--", "--force", "dorset", "1=92", "3=30", "4=unknown", "--answer", "5");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("The exercises read Dorset Police's own answer", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exercise 1: not right (92).", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exercise 3: right.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exercise 4: right.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exercise 5: the answer is 14.3.", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Exercise 6: the answer", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_twins_take_the_notebooks_parameters()
    {
        var run = await Processes.DotnetAsync(Repo.Root, TimeSpan.FromMinutes(10), "run", "scripts/01-reproduce-the-article.cs", "--",
            "--force", "hertfordshire", "--article", "hemel-today-hertfordshire");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("# 1. Reproduce the article: hemel-today-hertfordshire on Hertfordshire Constabulary", run.Stdout, StringComparison.Ordinal);
        // 37 + 63 + 88 = 188, the sum of the article's yearly figures.
        Assert.Contains("three-year total: 188", run.Stdout, StringComparison.Ordinal);
        // Hertfordshire's yearly figures are printed (37, 63, 88): nothing to bound, and no bounds chart.
        Assert.Contains("year bounds: nothing to bound (the yearly figures are printed, or no total was)", run.Stdout, StringComparison.Ordinal);
    }
}
