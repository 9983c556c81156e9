using FoiKit.Pipeline;
using FoiKit.Read;
using FoiKit.Tests;

namespace FoiKit.Cli.Tests;

/// <summary>
/// <c>foi new-study</c> lays out an empty study folder a journalist can follow from its README alone, and never
/// overwrites; <c>foi reproduce --data</c> refuses a force or an article the study cannot be about, in one sentence,
/// before any work starts (contract §6, §7).
/// </summary>
public class NewStudyCliTests
{
    [Fact]
    public async Task New_study_lays_out_the_folders_a_claims_template_and_a_readme_of_the_next_commands()
    {
        using var dir = new TempDir();
        var folder = dir.File("my-study");

        var run = await Foi.RunAsync("new-study", folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Contains($"foi reproduce --data {folder}", run.Stdout, StringComparison.Ordinal);
        foreach (var sub in new[] { "responses", "articles", "claims" }) Assert.True(Directory.Exists(Path.Combine(folder, sub)), sub);
        // The template is the contract's header (§4) and nothing else: one line.
        Assert.Equal(["claim_id,article_id,force,measure,kind,category_label,period_label,value,text"],
            File.ReadAllLines(Path.Combine(folder, "claims", "template.csv")));
        var readme = File.ReadAllText(Path.Combine(folder, "README.md"));
        foreach (var part in new[] { "`responses/`", "`articles/`", "`claims/`", "`requests/`", "`sources.csv`", ".meta.json", "foi reproduce --data my-study" })
            Assert.Contains(part, readme, StringComparison.Ordinal);
        Assert.Contains("`kind`", File.ReadAllText(Path.Combine(folder, "claims", "README.md")), StringComparison.Ordinal);

        // Empty as it is, it is a study: no figures, no claims, and nothing the kit warns about (READMEs, the template).
        var study = Study.Load(folder);
        Assert.Empty(study.Data.Observations);
        Assert.Empty(study.Claims);
        Assert.Empty(study.ClaimProblems);
        Assert.Empty(study.Data.Diagnostics);
        Assert.Empty(ClaimsReader.Read(Path.Combine(folder, "claims", "template.csv")).Value!);
    }

    [Fact]
    public async Task New_study_refuses_a_folder_that_is_not_empty_and_leaves_it_as_it_was()
    {
        using var dir = new TempDir();
        var folder = Directory.CreateDirectory(dir.File("mine")).FullName;
        File.WriteAllText(Path.Combine(folder, "README.md"), "my notes");

        var run = await Foi.RunAsync("new-study", folder);

        Assert.Equal(FoiCli.BadUsage, run.ExitCode);
        Assert.Equal($"foi new-study: {folder} is not empty: new-study lays out a new or empty folder, so nothing is overwritten", run.StderrLines[0]);
        Assert.Equal("my notes", File.ReadAllText(Path.Combine(folder, "README.md")));
        Assert.Equal([Path.Combine(folder, "README.md")], Directory.GetFileSystemEntries(folder));
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task New_study_wants_one_folder()
    {
        foreach (var line in new[] { new[] { "new-study" }, ["new-study", "a", "b"] })
        {
            var run = await Foi.RunAsync(line);

            Assert.Equal(FoiCli.BadUsage, run.ExitCode);
            Assert.Equal("foi new-study: name one folder to lay out", run.StderrLines[0]);
        }
    }

    [Fact]
    public async Task Reproduce_refuses_an_article_the_study_has_no_claims_of_naming_those_it_has()
    {
        using var dir = new TempDir();
        var folder = SyntheticStudyFolder.Write(dir.File("north"));

        var run = await Foi.RunAsync("reproduce", "--data", folder, "--article", "peterborough-today-cambridgeshire", "--out", dir.File("out"));

        Assert.Equal(FoiCli.BadUsage, run.ExitCode);
        Assert.Equal("foi reproduce: --article peterborough-today-cambridgeshire: no such article in north/claims/ (its articles: synthetic-gazette-northumbria)",
            run.StderrLines[0]);
        Assert.False(Directory.Exists(dir.File("out")));
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task Reproduce_refuses_an_article_when_the_study_has_no_claims()
    {
        using var dir = new TempDir();
        var folder = SyntheticStudyFolder.Write(dir.File("north"));
        Directory.Delete(Path.Combine(folder, "claims"), recursive: true);

        var run = await Foi.RunAsync("reproduce", "--data", folder, "--article", "x", "--out", dir.File("out"));

        Assert.Equal(FoiCli.BadUsage, run.ExitCode);
        Assert.Equal("foi reproduce: --article x: the study north/ holds no claims (its claims/ folder is empty or missing), so there is no article to follow",
            run.StderrLines[0]);
    }

    [Fact]
    public async Task Reproduce_refuses_a_force_not_in_forces_csv_for_a_study_folder_too()
    {
        using var dir = new TempDir();
        var folder = SyntheticStudyFolder.Write(dir.File("north"));

        var run = await Foi.RunAsync("reproduce", "--data", folder, "--force", "Gotham", "--out", dir.File("out"));

        Assert.Equal(FoiCli.BadUsage, run.ExitCode);
        Assert.Equal("foi reproduce: --force Gotham: 'Gotham' is not a police force in forces.csv (official names and aliases)", run.StderrLines[0]);
    }
}
