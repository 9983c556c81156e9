using System.Security.Cryptography;
using System.Text.Json;
using FoiKit.Model;
using FoiKit.Present;
using FoiKit.Testing.Renderings;
using FoiKit.Tests;

namespace FoiKit.Cli.Tests;

/// <summary>
/// <c>foi extract</c>, and <c>normalise</c> and <c>check-claims</c> on the originals (contract §6): a draft per
/// answer that normalises to the same tidy rows as the hand transcript of the same answer, the original read
/// with <c>--request</c>/<c>--force</c>, and one sentence (exit 1) for every document the kit cannot use. The
/// answers are the TEST RENDERINGS of Dorset Police's answer (FoiKit.Testing.Renderings): the real figures of
/// data/responses/dorset.json in layouts the tests write.
/// </summary>
public class ExtractCliTests
{
    private const string Request = Kit.RequestId;

    private static readonly string[] FormatNames = ["html", "docx", "pdf"];

    public static TheoryData<string> Formats => new(FormatNames);

    /// <summary>Dorset's answer as a web page, a Word letter or a PDF letter, written into <paramref name="folder"/>.</summary>
    private static string Rendering(string folder, string format, string name = "dorset-answer") => DorsetLetters.Write(folder, format, name);

    /// <summary>A tidy row without its provenance (which file, table and row): what must agree between an original and its hand transcript.</summary>
    private static string Key(Observation o) =>
        $"{o.Force.Id}|{o.SourceKind}|{o.Question}|{o.Measure}|{o.Period.Label}|{o.Period.Start}|{o.Period.End}|{o.Period.Basis}|{o.Period.FinancialYear}|" +
        $"{o.Category.Label}|{o.Category.Level}|{o.Category.Code}|{o.Value.Raw}|{o.Value.Value}|{o.Value.Status}";

    private static List<Observation> Tidy(string csv) => TidyCsvReader.Read(csv, Kit.Reference.Forces).ToList();

    private static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Extract_writes_one_draft_that_normalises_to_the_rows_of_the_hand_transcript(string format)
    {
        using var dir = new TempDir();
        var original = Rendering(dir.Path, format);
        var drafts = dir.File("drafts");

        var run = await Foi.RunAsync("extract", original, "--request", Request, "--force", "Dorset", "--out", drafts);

        Assert.True(run.ExitCode == 0, run.Stderr);
        run.AssertNoStackTrace();
        var draft = Path.Combine(drafts, "dorset-answer.json");
        // Dorset's answer prints 4 rows for question 1 (three years and the total) and 6 for 1a (five offences and the total).
        Assert.Equal($"{original} -> {draft}: 2 table(s), 10 row(s), review: draft", run.Stdout.Trim());
        Assert.All(run.StderrLines, l => Assert.StartsWith("warning: ", l, StringComparison.Ordinal));

        using (var json = JsonDocument.Parse(File.ReadAllBytes(draft)))
        {
            var root = json.RootElement;
            Assert.Equal("foi-response/1", root.GetProperty("schema").GetString());
            Assert.Equal(Request, root.GetProperty("request").GetString());
            Assert.Equal("Dorset Police", root.GetProperty("force").GetString()); // --force Dorset, named as forces.csv names it
            Assert.Equal("draft", root.GetProperty("review").GetString());
            var from = root.GetProperty("extracted_from");
            Assert.Equal($"dorset-answer.{format}", from.GetProperty("file").GetString());
            Assert.Equal(format, from.GetProperty("format").GetString());
            // The hash is worked out here from the file's bytes, not taken from the kit.
            Assert.Equal(Sha256Of(original), from.GetProperty("sha256").GetString());
        }

        var hand = await Foi.RunAsync("normalise", Repo.PathOf("data/responses/dorset.json"), "--out", dir.File("hand.csv"));
        var fromDraft = await Foi.RunAsync("normalise", draft, "--out", dir.File("draft.csv"));
        var fromOriginal = await Foi.RunAsync("normalise", original, "--request", Request, "--force", "Dorset", "--out", dir.File("original.csv"));

        Assert.All(new[] { hand, fromDraft, fromOriginal }, r => Assert.True(r.ExitCode == 0, r.Stderr));
        var expected = Tidy(dir.File("hand.csv"));
        // By hand from data/responses/dorset.json: 14, 16, 16 and the printed total 46; then 1, 6, 5, 3, 1 and the printed total 16.
        Assert.Equal([14L, 16L, 16L, 46L, 1L, 6L, 5L, 3L, 1L, 16L], expected.Select(o => o.Value.Value!.Value));
        Assert.Equal(2, expected.Count(o => o.Value.Status == ValueStatus.PrintedTotal));
        Assert.Equal(expected.Select(Key), Tidy(dir.File("draft.csv")).Select(Key));
        Assert.Equal(expected.Select(Key), Tidy(dir.File("original.csv")).Select(Key));

        // The draft and the original each warn once that nobody has checked the extraction; the hand transcript does not.
        Assert.Single(fromDraft.StderrLines, l => l.StartsWith($"warning: {draft}: {TranscriptReview.UncheckedExtraction}", StringComparison.Ordinal));
        Assert.Single(fromOriginal.StderrLines, l => l.StartsWith($"warning: {original}: {TranscriptReview.UncheckedExtraction}", StringComparison.Ordinal));
        Assert.Equal(1, fromOriginal.StderrLines.Count(l => l.Contains(TranscriptReview.UncheckedExtraction, StringComparison.Ordinal)));
        Assert.DoesNotContain(hand.StderrLines, l => l.Contains(TranscriptReview.UncheckedExtraction, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Normalising_a_folder_of_originals_with_a_request_reads_every_document_and_warns_once_for_each()
    {
        using var dir = new TempDir();
        var answers = dir.File("answers");
        var files = FormatNames.Select(f => Rendering(answers, f, "dorset-" + f)).ToList();

        var run = await Foi.RunAsync("normalise", answers, "--request", Request, "--out", dir.File("tidy.csv"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        // Three renderings of the same ten printed figures; the force is read from each letterhead, and said so.
        Assert.Equal(30, Tidy(dir.File("tidy.csv")).Count);
        foreach (var file in files.Select(f => f.Replace('\\', '/')))
        {
            Assert.Single(run.StderrLines, l => l.StartsWith($"warning: {file}: {TranscriptReview.UncheckedExtraction}", StringComparison.Ordinal));
            Assert.Single(run.StderrLines, l => l.StartsWith($"warning: {file}: the force was read from the document's heading", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Without_a_request_a_document_in_a_folder_is_skipped_and_one_named_says_what_to_pass()
    {
        using var dir = new TempDir();
        var original = Rendering(dir.File("answers"), "pdf");

        var folder = await Foi.RunAsync("normalise", dir.File("answers"), "--out", dir.File("a.csv"));
        var named = await Foi.RunAsync("normalise", original, "--out", dir.File("b.csv"));

        Assert.Equal(0, folder.ExitCode);
        Assert.Contains("note: skipped 1 file(s)", folder.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, named.ExitCode);
        var error = Assert.Single(named.StderrLines);
        Assert.Equal($"error: {original}: which FOI request it answers is not known: pass --request <id>, or add a sidecar 'dorset-answer.pdf.meta.json' with \"request\"", error);
    }

    [Fact]
    public async Task Claims_checked_against_the_original_letter_get_the_verdicts_the_hand_transcript_gives()
    {
        using var dir = new TempDir();
        var letter = Rendering(dir.Path, "pdf");
        var claims = Repo.PathOf("tests/FoiKit.Tests/fixtures/claims/dorset-synthetic-claims.csv");

        var hand = await Foi.RunAsync("check-claims", "--claims", claims, "--data", Repo.PathOf("data/responses/dorset.json"), "--out", dir.File("hand.csv"));
        var fromLetter = await Foi.RunAsync("check-claims", "--claims", claims, "--data", letter, "--request", Request, "--force", "Dorset",
            "--out", dir.File("letter.csv"));

        Assert.Equal(0, hand.ExitCode);
        Assert.True(fromLetter.ExitCode == 0, fromLetter.Stderr);
        var verdicts = File.ReadAllLines(dir.File("letter.csv"));
        Assert.Contains(verdicts, l => l.StartsWith("d-01,reproduced,46,46,force_response: dorset 1 rows 1-3", StringComparison.Ordinal));
        // Every verdict is the same; only the hand transcript's note that Dorset's stored copy was cut off (it says
        // "truncated": true) has no place against the letter, which is whole.
        const string CutOff = "; the force's response was cut off in the stored copy: the missing figures may be in the part not seen";
        var handVerdicts = File.ReadAllLines(dir.File("hand.csv"));
        Assert.Contains(handVerdicts, l => l.Contains(CutOff, StringComparison.Ordinal));
        Assert.Equal(handVerdicts.Select(l => l.Replace(CutOff, "", StringComparison.Ordinal)), verdicts);
        // The verdicts rest on figures nobody has checked yet: check-claims says so, once.
        Assert.Single(fromLetter.StderrLines, l => l.StartsWith($"warning: {letter}: {TranscriptReview.UncheckedExtraction}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_csv_that_says_nothing_is_normalised_with_request_and_force()
    {
        using var dir = new TempDir();
        // Question 1 of Dorset's answer as printed in data/responses/dorset.json, under a title row: no metadata, no sidecar.
        var csv = dir.Write("dorset-q1.csv",
            "Question 1: offences where TikTok was recorded\nTime period,Count\n6th Apr 2021 to 5th Apr 2022,14\n6th Apr 2022 to 5th Apr 2023,16\n6th Apr 2023 to 5th Apr 2024,16\nTotal,46\n");

        var bare = await Foi.RunAsync("normalise", csv, "--out", dir.File("a.csv"));
        var requestOnly = await Foi.RunAsync("normalise", csv, "--request", Request, "--out", dir.File("b.csv"));
        var both = await Foi.RunAsync("normalise", csv, "--request", Request, "--force", "Dorset", "--out", dir.File("c.csv"));

        Assert.Equal(1, bare.ExitCode);
        Assert.StartsWith($"error: {csv}: it is not marked as an FOI response", Assert.Single(bare.StderrLines), StringComparison.Ordinal);
        Assert.EndsWith("or pass --request <id> and --force <name>", bare.StderrLines[0], StringComparison.Ordinal);
        Assert.Equal(1, requestOnly.ExitCode);
        Assert.Contains("does not say its 'force'", Assert.Single(requestOnly.StderrLines), StringComparison.Ordinal);
        Assert.True(both.ExitCode == 0, both.Stderr);
        var rows = Tidy(dir.File("c.csv"));
        Assert.Equal([14L, 16L, 16L, 46L], rows.Select(o => o.Value.Value!.Value));
        Assert.All(rows, o => Assert.Equal(("dorset", Request, SourceKind.ForceResponse, "1"), (o.Force.Id, o.RequestId, o.SourceKind, o.Question)));
        // A CSV is not an extraction: no warning about one.
        Assert.DoesNotContain(both.StderrLines, l => l.Contains(TranscriptReview.UncheckedExtraction, StringComparison.Ordinal));
    }

    /// <summary>A document the kit cannot use, written into a folder, and what its one sentence must say.</summary>
    public static TheoryData<string, string> BadDocumentsAndWhatTheyAreTold => new()
    {
        { "scan.pdf", "no text layer: run OCR first" },
        { "locked.pdf", "the PDF is encrypted" },
        { "cut.pdf", "the PDF is damaged or cut off" },
        { "no-table.html", "no table of figures was found" },
        { "no-table.docx", "no table of figures was found" },
        { "no-force.html", "which force answered is not known" },
        { "notes.txt", "extract reads answers as forces publish them (.html, .htm, .docx, .pdf)" },
        { "gone.pdf", "no such file" },
    };

    private static string WriteBad(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        switch (name)
        {
            case "scan.pdf": File.WriteAllBytes(path, BadDocuments.ScannedPdf()); break;
            case "locked.pdf": File.WriteAllBytes(path, BadDocuments.EncryptedPdf()); break;
            case "cut.pdf":
                var whole = DorsetLetters.Pdf();
                File.WriteAllBytes(path, whole[..(whole.Length / 2)]);
                break;
            case "no-force.html":
                // A table of figures under a heading that names no force, and no --force.
                var (columns, rows) = DorsetLetters.Table("1");
                File.WriteAllText(path, $"<html><body><h1>Disclosure</h1><h2>{DorsetLetters.Heading1}</h2>{DorsetLetters.HtmlTable(columns, rows)}</body></html>");
                break;
            case "notes.txt": File.WriteAllText(path, "Time period,Count\n2021/22,14\n"); break;
            case "gone.pdf": break;
            default: BadDocuments.WriteLetterWithoutTable(path); break;
        }
        return path;
    }

    [Theory]
    [MemberData(nameof(BadDocumentsAndWhatTheyAreTold))]
    public async Task A_document_the_kit_cannot_use_exits_1_with_one_sentence_naming_it(string name, string says)
    {
        using var dir = new TempDir();
        var path = WriteBad(dir.Path, name);

        var run = await Foi.RunAsync("extract", path, "--request", Request, "--out", dir.File("drafts"));

        Assert.Equal(1, run.ExitCode);
        run.AssertNoStackTrace();
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith($"error: {path}: ", line, StringComparison.Ordinal);
        Assert.Contains(says, line, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.False(Directory.Exists(dir.File("drafts")) && Directory.EnumerateFiles(dir.File("drafts")).Any(), "no draft is written for an unusable document");
    }

    [Fact]
    public async Task One_unusable_file_among_good_ones_exits_1_and_the_good_drafts_are_still_written()
    {
        using var dir = new TempDir();
        var good = Rendering(dir.Path, "html");
        var scan = WriteBad(dir.Path, "scan.pdf");

        var run = await Foi.RunAsync("extract", scan, good, "--request", Request, "--force", "Dorset", "--out", dir.File("drafts"));

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.StderrLines, l => l.StartsWith($"error: {scan}: no text layer: run OCR first", StringComparison.Ordinal));
        Assert.StartsWith($"{good} -> ", run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.File("drafts/dorset-answer.json")));
        Assert.False(File.Exists(dir.File("drafts/scan.json")));
    }

    [Fact]
    public async Task A_draft_is_replaced_when_extracted_again_but_a_checked_transcript_never_is()
    {
        using var dir = new TempDir();
        var original = Rendering(dir.Path, "pdf");
        var drafts = dir.File("drafts");
        var draft = Path.Combine(drafts, "dorset-answer.json");

        var first = await Foi.RunAsync("extract", original, "--request", Request, "--out", drafts);
        var again = await Foi.RunAsync("extract", original, "--request", Request, "--out", drafts);
        var draftBytes = File.ReadAllBytes(draft);
        // A person checks the draft and says so.
        var checkedText = File.ReadAllText(draft).Replace("\"review\": \"draft\"", "\"review\": \"checked\"", StringComparison.Ordinal);
        File.WriteAllText(draft, checkedText);
        var overChecked = await Foi.RunAsync("extract", original, "--request", Request, "--out", drafts);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("\"review\": \"draft\"", System.Text.Encoding.UTF8.GetString(draftBytes), StringComparison.Ordinal);
        Assert.Equal(1, overChecked.ExitCode);
        var line = Assert.Single(overChecked.StderrLines);
        Assert.Equal($"error: {original}: {draft} is a transcript marked \"review\": \"checked\": it was not overwritten (move it, or extract into another folder)", line);
        Assert.Equal(checkedText, File.ReadAllText(draft));
    }

    [Fact]
    public async Task The_same_draft_twice_over_and_the_same_name_from_two_folders_are_handled_before_anything_is_written()
    {
        using var dir = new TempDir();
        var a = Rendering(dir.File("a"), "pdf", "letter");
        var b = Rendering(dir.File("b"), "pdf", "letter");

        var twice = await Foi.RunAsync("extract", a, a, "--request", Request, "--out", dir.File("once"));
        var clash = await Foi.RunAsync("extract", a, b, "--request", Request, "--out", dir.File("clash"));

        Assert.Equal(0, twice.ExitCode);
        Assert.Single(twice.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, clash.ExitCode);
        Assert.Equal([$"foi extract: {a} and {b} would both be drafted as letter.pdf.json: extract them into different folders", "run 'foi --help' for usage"], clash.StderrLines);
        Assert.False(Directory.Exists(dir.File("clash")));
    }

    [Fact]
    public async Task Bad_usage_exits_2_with_one_sentence()
    {
        using var dir = new TempDir();
        var file = dir.Write("not-a-folder.txt", "x");
        var letter = Rendering(dir.Path, "pdf");

        var lines = new (string[] Args, string Sentence)[]
        {
            (["extract", "--out", dir.File("d")], "foi extract: name at least one file to extract"),
            (["extract", letter], "foi extract: --out is required"),
            (["extract", letter, "--out", file], $"foi extract: --out {file} is a file: give the folder the drafts go in"),
            (["extract", letter, "--out", dir.File("d"), "--request", "another-request"],
                "foi extract: --request 'another-request' is not a request the kit knows (legal-expert-tiktok-2024): add its definition with --requests <folder>"),
            (["extract", letter, "--out", dir.File("d"), "--force", "Atlantis Police"],
                "foi extract: --force 'Atlantis Police' is not a police force in forces.csv (official names and aliases)"),
            (["normalise", letter, "--out", dir.File("t.csv"), "--force", "Atlantis Police"],
                "foi normalise: --force 'Atlantis Police' is not a police force in forces.csv (official names and aliases)"),
            (["check-claims", "--claims", Repo.PathOf("data/claims"), "--out", dir.File("v.csv"), "--request", "another-request"],
                "foi check-claims: --request 'another-request' is not a request the kit knows (legal-expert-tiktok-2024): add its definition with --requests <folder>"),
        };
        foreach (var (args, sentence) in lines)
        {
            var run = await Foi.RunAsync(args);

            Assert.True(run.ExitCode == 2, $"{string.Join(' ', args)}: exit {run.ExitCode}\n{run.Stderr}");
            Assert.Equal([sentence, "run 'foi --help' for usage"], run.StderrLines);
            Assert.Equal("", run.Stdout);
        }
        Assert.False(Directory.Exists(dir.File("d")));
    }

    [Fact]
    public async Task Extract_help_gives_its_usage_and_what_a_draft_is()
    {
        var run = await Foi.RunAsync("extract", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.StartsWith("usage: foi extract <file>... --out <folder> [--request <id>] [--force <name>]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("[--requests <folder>...]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"review\": \"draft\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("exit codes: 0", run.Stdout, StringComparison.Ordinal);
    }
}
