using FoiKit.Analyse;
using FoiKit.Model;
using FoiKit.Pipeline;

namespace FoiKit.Tests;

/// <summary>
/// A study folder (contract §7) in place of the kit's data/: read with the kit's reference tables and request
/// definitions, its files named from its own name, about a force the kit's data/ does not hold. Expected values
/// are worked out by hand from the synthetic figures (<see cref="SyntheticStudyFolder"/>).
/// </summary>
public sealed class StudyFolderTests
{
    [Fact]
    public void A_study_folder_about_another_force_is_read_with_the_kits_reference_tables()
    {
        using var dir = new TempDir();
        var folder = SyntheticStudyFolder.Write(Path.Combine(dir.Path, "my-study"));

        var study = Study.Load(folder);

        Assert.Equal("my-study", study.Folder!.Name);
        Assert.False(study.Folder.IsKitDataCopy);
        Assert.DoesNotContain(study.Data.Diagnostics, d => d.Severity == Severity.Error);
        // Only the study's own files: nothing of data/ (no Dorset, no article about Cambridgeshire).
        Assert.Equal(["my-study/articles/synthetic-gazette__northumbria.json", "my-study/responses/northumbria.json"],
            study.Data.Documents.Select(d => d.SourceFile).Order(StringComparer.Ordinal));
        Assert.All(study.Data.Observations, o => Assert.Equal("northumbria", o.Force.Id));
        Assert.Equal(["synthetic-gazette-northumbria"], study.Articles);

        var p = study.Profile("Northumbria");
        Assert.Equal([40L, 55L, 70L], p.Years.Select(y => y.Value!.Value));
        Assert.Equal(165L, p.Total);            // 40 + 55 + 70, equal to the printed total
        Assert.Equal(75.0m, p.GrowthPct);        // (70 - 40) / 40 = 75%
        Assert.True(p.Rising);
        Assert.Equal(10.9m, p.RatePer100k);      // 165 x 100,000 / 1,509,809 (ONS mid-2024) = 10.93
        Assert.Equal(4L, p.Charges);
        Assert.Equal(5.7m, p.ChargeRatePct);     // 4 / 70 = 5.71%
    }

    [Fact]
    public void Its_claims_are_checked_against_its_own_answer()
    {
        using var dir = new TempDir();
        var study = Study.Load(SyntheticStudyFolder.Write(dir.File("study")));
        var verdicts = study.Verdicts.ToDictionary(v => v.ClaimId);

        // The force's own answer gives each figure: 165 in all, +75%, rising, 30 harassment in 2023/24.
        Assert.Equal(VerdictKind.Reproduced, verdicts["sg-01"].Kind);
        Assert.Equal(VerdictKind.Reproduced, verdicts["sg-02"].Kind);
        Assert.Equal(VerdictKind.Reproduced, verdicts["sg-03"].Kind);
        Assert.Equal(VerdictKind.Reproduced, verdicts["sg-04"].Kind);
        // The national figure: one force of 43 is known, through the coverage.
        Assert.Equal(VerdictKind.NotCheckable, verdicts["sg-05"].Kind);
        Assert.StartsWith("not checkable from 1 of 43 territorial forces: northumbria 165 (own response); together 165.", verdicts["sg-05"].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_says_for_every_force_what_the_study_holds_with_its_sources()
    {
        using var dir = new TempDir();
        var study = Study.Load(SyntheticStudyFolder.Write(dir.File("study")));
        var c = study.Coverage;

        Assert.Equal(Kit.Reference.Forces.All.Count, c.Forces.Count); // every force of forces.csv, 44
        Assert.Equal(43, c.TerritorialForces);
        var northumbria = c.Of("northumbria");
        Assert.Equal(ForceHolding.OwnAnswer, northumbria.Holds);
        Assert.Equal(["study/articles/synthetic-gazette__northumbria.json", "study/responses/northumbria.json"], northumbria.SourceFiles);
        Assert.Equal(["synthetic-gazette-northumbria"], northumbria.Articles);
        Assert.Equal((165L, "own response"), (northumbria.Total!.Value, northumbria.TotalSource));
        Assert.Equal(ForceHolding.Nothing, c.Of("cambridgeshire").Holds);
        Assert.Equal(ForceHolding.Nothing, c.Of("dorset").Holds);
        Assert.Equal(["northumbria"], c.Known.Select(k => k.ForceId));
        Assert.Equal((1, 0, 43), (c.CountOf(ForceHolding.OwnAnswer), c.CountOf(ForceHolding.ArticleOnly), c.CountOf(ForceHolding.Nothing)));
        Assert.Equal("1 of 43 territorial forces known (a total over the request's years); the study holds the force's own answer for 1, " +
            "an article only for 0 and nothing for 43 of the 44 forces in forces.csv", c.Describe());
        // Enumerated, it is one row per source document, as before.
        Assert.Equal(2, c.Count);
        Assert.Equal(1, study.National.KnownForces);
    }

    [Fact]
    public void The_shipped_data_covers_six_forces_five_of_them_known()
    {
        var c = Study.Load(Shipped.Folder).Coverage;

        // Dorset's own answer; articles only for Cambridgeshire, Dyfed-Powys, Hertfordshire, Lancashire and West Mercia.
        Assert.Equal(["dorset"], c.Forces.Where(f => f.Holds == ForceHolding.OwnAnswer).Select(f => f.ForceId));
        Assert.Equal(["cambridgeshire", "dyfed-powys", "hertfordshire", "lancashire", "west-mercia"],
            c.Forces.Where(f => f.Holds == ForceHolding.ArticleOnly).Select(f => f.ForceId));
        // Totals: Dorset 14 + 16 + 16 = 46; Cambridgeshire's printed 513; Dyfed-Powys 22 + 42 + 42 = 106;
        // Hertfordshire 37 + 63 + 88 = 188; Lancashire 71 + 66 + 98 = 235. West Mercia prints none.
        Assert.Equal([("cambridgeshire", 513L), ("dorset", 46L), ("dyfed-powys", 106L), ("hertfordshire", 188L), ("lancashire", 235L)],
            c.Known.Select(k => (k.ForceId, k.Total!.Value)));
        Assert.Equal(46 + 513 + 106 + 188 + 235, (int)c.Known.Sum(k => k.Total!.Value)); // 1,088
    }

    [Fact]
    public void A_force_added_in_a_cell_reaches_the_profiles_rates_coverage_and_national_note()
    {
        using var dir = new TempDir();
        var folder = SyntheticStudyFolder.Write(dir.File("extra"));
        var shipped = Study.Load(Shipped.Folder);

        var study = shipped.With(Path.Combine(folder, "responses", "northumbria.json"));

        Assert.Null(shipped.TryProfile("northumbria"));   // the study it came from is unchanged
        var p = study.Profile("northumbria");
        Assert.Equal(165L, p.Total);
        Assert.Equal(10.9m, p.RatePer100k);
        Assert.Equal(ForceHolding.OwnAnswer, study.Coverage.Of("northumbria").Holds);
        Assert.Equal(6, study.National.KnownForces);       // the five shipped forces with a total, and Northumbria
        Assert.Equal(1088 + 165, study.National.KnownTotal);
        Assert.Contains("not checkable from 6 of 43 territorial forces", study.Verdicts.First(v => v.Basis.StartsWith("national_context", StringComparison.Ordinal)).Note, StringComparison.Ordinal);
        // Everything else of the shipped study is still there, with the answer's 4 + 3 + 1 cells.
        Assert.Equal(shipped.Data.Observations.Count + 8, study.Data.Observations.Count);
        Assert.Equal(shipped.Claims.Count, study.Claims.Count);
    }

    [Fact]
    public void A_transcript_built_in_a_cell_and_claims_added_later_reach_every_view()
    {
        var empty = Study.From(Kit.Data, NormaliseRun.Load(Kit.Data));
        Assert.Empty(empty.Profiles);

        var transcript = Build.Transcript("Kent Police",
            Build.Table("1", ["Year", "Count"], ["2021/22", "10"], ["2022/23", "12"], ["2023/24", "20"])) with { SourceFile = "cell.json" };
        var study = empty.With(transcript);

        var p = study.Profile("kent");
        Assert.Equal(42L, p.Total);                       // 10 + 12 + 20
        Assert.Equal(2.2m, p.RatePer100k);                // 42 x 100,000 / 1,931,684 (Kent, ONS mid-2024) = 2.17
        Assert.Equal(["kent"], study.Coverage.Known.Select(k => k.ForceId));

        using var dir = new TempDir();
        var claims = dir.Write("kent.csv", """
            claim_id,article_id,force,measure,kind,category_label,period_label,value,text
            k-01,kent-paper,Kent Police,offences,total,,since 2021,42,SYNTHETIC: 42 offences since 2021.
            """);
        var withClaims = study.WithClaims(claims);
        Assert.Equal(VerdictKind.Reproduced, Assert.Single(withClaims.Verdicts).Kind);
        Assert.Equal("kent", withClaims.ForceOfArticle("kent-paper"));
        Assert.Empty(study.Claims);                        // the study it came from is unchanged
    }

    [Fact]
    public void Adding_a_source_already_in_the_study_or_a_claim_id_twice_is_refused_with_one_sentence()
    {
        using var dir = new TempDir();
        var folder = SyntheticStudyFolder.Write(dir.File("s"));
        var answer = Path.Combine(folder, "responses", "northumbria.json");
        var once = Study.From(Kit.Data, NormaliseRun.Load(Kit.Data, answer));

        var twice = Assert.Throws<ArgumentException>(() => once.With(answer));
        Assert.StartsWith($"{answer.Replace('\\', '/')} is already in the study", twice.Message, StringComparison.Ordinal);

        var claims = Path.Combine(folder, "claims", SyntheticStudyFolder.ArticleId + ".csv");
        var withClaims = once.WithClaims(claims);
        var again = Assert.Throws<ArgumentException>(() => withClaims.WithClaims(claims));
        Assert.Contains("claim_id 'sg-01' is already in the study", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_articles_web_page_is_named_with_the_way_to_its_claims_not_a_force_answers_fix()
    {
        using var dir = new TempDir();
        var folder = SyntheticStudyFolder.Write(dir.File("study"), withSources: false);
        File.WriteAllText(Path.Combine(folder, "articles", "kent-news.html"), "<html><body><p>A SYNTHETIC test page: 12 offences.</p></body></html>");

        var warned = Assert.Single(Study.Load(folder).Data.Diagnostics, d => d.File == "study/articles/kent-news.html");
        Assert.Equal(Severity.Warning, warned.Severity);
        Assert.Contains("an article's text is not read as figures", warned.Message, StringComparison.Ordinal);
        Assert.Contains("foi draft-claims kent-news.html", warned.Message, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"published_article\"", warned.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_the_kit_cannot_tell_the_meaning_of_is_named_with_the_fix_and_plain_notes_are_not()
    {
        using var dir = new TempDir();
        var folder = SyntheticStudyFolder.Write(dir.File("study"), withSources: false);
        File.WriteAllText(Path.Combine(folder, "responses", "kent-answer.csv"), "Offence,Count\nHarassment,5\n");
        File.WriteAllText(Path.Combine(folder, "responses", "letter.pdf"), "%PDF-1.4 synthetic");
        File.WriteAllText(Path.Combine(folder, "articles", "screenshot.png"), "not an image");
        File.WriteAllText(Path.Combine(folder, "responses", "README.txt"), "notes to self");
        File.WriteAllText(Path.Combine(folder, "NOTES.md"), "notes");
        File.WriteAllText(Path.Combine(folder, "sources.csv"), "file,sha256\n");

        var study = Study.Load(folder);

        var warned = study.Data.Diagnostics.Where(d => d.Message.Contains("so it was not read", StringComparison.Ordinal)).ToList();
        Assert.Equal(["study/articles/screenshot.png", "study/responses/kent-answer.csv", "study/responses/letter.pdf"], warned.Select(d => d.File));
        Assert.All(warned, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Contains("add 'kent-answer.csv.meta.json' beside it with its force and request", warned[1].Message, StringComparison.Ordinal);
        Assert.Contains("or start it with a metadata block", warned[1].Message, StringComparison.Ordinal);
        Assert.Contains("add 'letter.pdf.meta.json'", warned[2].Message, StringComparison.Ordinal);
        Assert.Contains("the kit does not read '.png' files", warned[0].Message, StringComparison.Ordinal);
        // READMEs, notes, sources.csv and the claims are plainly not answers: no warning names them.
        Assert.DoesNotContain(study.Data.Diagnostics, d => d.File.EndsWith("README.md", StringComparison.Ordinal) || d.File.EndsWith("README.txt", StringComparison.Ordinal)
            || d.File.EndsWith("NOTES.md", StringComparison.Ordinal) || d.File.EndsWith("sources.csv", StringComparison.Ordinal) || d.File.Contains("/claims/", StringComparison.Ordinal));
        // And the study's own figures are all there.
        Assert.Equal(165L, study.Profile("northumbria").Total);
    }

    [Fact]
    public void A_file_without_a_sources_row_or_with_another_sha256_is_named_in_a_warning()
    {
        using var dir = new TempDir();
        var folder = SyntheticStudyFolder.Write(dir.File("study"));
        Assert.Empty(StudyFolder.Open(folder).CheckSources());   // every file listed, with its sha256

        File.WriteAllText(Path.Combine(folder, "responses", "extra.json"), "{}");
        File.AppendAllText(Path.Combine(folder, "claims", SyntheticStudyFolder.ArticleId + ".csv"), "\n");
        File.Delete(Path.Combine(folder, "articles", "synthetic-gazette__northumbria.json"));

        var warnings = StudyFolder.Open(folder).CheckSources();

        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, w => w.File == "study/responses/extra.json" && w.Message.StartsWith("has no row in study/sources.csv", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.File == "study/claims/synthetic-gazette-northumbria.csv" && w.Message.Contains("it changed after it was listed", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.File == "study/sources.csv" && w.Message == "lists articles/synthetic-gazette__northumbria.json, which is not in the study");
    }

    [Fact]
    public void The_shipped_data_and_its_copy_name_their_files_alike_and_have_every_row()
    {
        Assert.DoesNotContain(StudyFolder.Open(Repo.Data).CheckSources(), w => Shipped.Files.Any(f => w.File == f.File));
        Assert.Empty(StudyFolder.Open(Shipped.Folder).CheckSources());
        var a = StudyFolder.Open(Shipped.Folder);
        Assert.True(a.IsKitDataCopy);
        Assert.Equal("data/responses/dorset.json", a.NameOf(Path.Combine(Shipped.Folder, "responses", "dorset.json")));
        Assert.Equal("data/responses/dorset.json", StudyFolder.Open(Repo.Data).NameOf(Repo.PathOf("data/responses/dorset.json")));
        // And back: the name is the file in whichever folder the study was loaded from; other names stay as they are.
        Assert.Equal(Path.Combine(Shipped.Folder, "responses", "dorset.json"), a.PathOf("data/responses/dorset.json"));
        Assert.Equal("elsewhere/x.json", a.PathOf("elsewhere/x.json"));
    }

    [Fact]
    public void A_study_without_claims_still_loads_and_says_it_has_no_article()
    {
        using var dir = new TempDir();
        var folder = SyntheticStudyFolder.Write(dir.File("study"));
        Directory.Delete(Path.Combine(folder, "claims"), recursive: true);

        var study = Study.Load(folder);

        Assert.Empty(study.Claims);
        Assert.Empty(study.Articles);
        Assert.False(study.HasArticle(SyntheticStudyFolder.ArticleId));
        Assert.Empty(study.ClaimsOf(SyntheticStudyFolder.ArticleId));
        Assert.Equal(165L, study.Profile("northumbria").Total);
    }

    [Fact]
    public void A_missing_study_folder_is_one_sentence()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => Study.Load("/no/such/study"));
        Assert.Equal("/no/such/study: no such study folder", e.Message);
    }
}
