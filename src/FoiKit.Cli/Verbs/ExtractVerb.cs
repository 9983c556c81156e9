using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using FoiKit.Model;
using FoiKit.Read.Documents;
using FoiKit.Reference;

namespace FoiKit.Cli.Verbs;

/// <summary>
/// <c>foi extract &lt;file&gt;… --out folder [--request id] [--force name] [--requests folder]</c> (contract §6):
/// one draft transcript per answer as a force published it, for a person to check against the original.
/// The reading is <see cref="DocumentExtractor"/>'s; this verb names the drafts, refuses to overwrite a
/// transcript a person may have worked on, and reports each file in one line.
/// </summary>
internal sealed class ExtractVerb : Verb
{
    private readonly ValueOption _out = new("--out", "folder", "where the draft transcripts go (made when missing)", required: true,
        check: v => File.Exists(v) ? $"--out {v} is a file: give the folder the drafts go in" : null);
    private readonly ReadDefaultsOptions _defaults = new();
    private readonly ValueOption _requests = new("--requests", "folder", "request definitions besides the kit's data/requests/", many: true);

    public ExtractVerb()
        : base("extract", "Draft transcripts from answers as forces publish them (web pages, Word and PDF letters), one per file, for a person to check against the original.")
    {
        AddInputs("file", "the answers to extract (.html, .htm, .docx, .pdf with a text layer)");
        foreach (var option in (ValueOption[])[_out, .. _defaults.Options, _requests]) Add(option);
    }

    public override string Details => """
        Each draft is a foi-response/1 transcript named after its file (letter.pdf -> letter.json) with
        "extracted_from" (file, sha256, format) and "review": "draft"; its notes say what to check. Compare
        it with the original, fix it, set "review": "checked", then normalise it. A transcript in --out
        that is not a draft (a person checked it, or typed it) is never overwritten.
        """;

    protected override string? Check(CommandResult result) =>
        result.GetValue(Inputs!) is { Length: > 0 } ? null : "name at least one file to extract";

    public override Task<int> RunAsync(ParseResult parsed, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        Task.FromResult(Run(parsed, stdout, stderr));

    private int Run(ParseResult parsed, TextWriter stdout, TextWriter stderr)
    {
        var folder = _out.One(parsed)!;
        var kit = KitData.LoadDefault(_requests.All(parsed));
        var defaults = _defaults.Read(parsed, kit);
        // The same file named twice is extracted once; two files that would make the same draft are a usage error.
        var inputs = parsed.GetValue(Inputs!)!.Select(p => p.Replace('\\', '/')).Distinct(StringComparer.Ordinal).ToList();
        var names = DraftTranscriptWriter.FileNames(inputs);
        var clash = names.Select((n, i) => (Name: n, Input: inputs[i])).GroupBy(x => x.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new UsageException($"{string.Join(" and ", clash.Select(x => x.Input))} would both be drafted as {clash.Key}: extract them into different folders");

        var failed = 0;
        void Fail(string file, string why)
        {
            failed++;
            FoiCli.Report(stderr, new Diagnostic(Severity.Error, file, why));
        }
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (Directory.Exists(input))
            {
                Fail(input, $"is a folder: name the answers in it (for example {input.TrimEnd('/')}/*.pdf)");
                continue;
            }
            if (File.Exists(input) && !DocumentExtractor.Handles(input))
            {
                Fail(input, $"extract reads answers as forces publish them ({string.Join(", ", DocumentExtractor.Extensions)}); a transcript, CSV or XLSX response is normalised as it is");
                continue;
            }
            var extracted = DocumentExtractor.Extract(input, defaults, kit.Reference.Forces);
            if (!extracted.Ok)
            {
                Fail(input, WithoutFile(extracted.Error!, input));
                continue;
            }
            var answer = extracted.Value!;
            var draft = Path.Combine(folder, names[i]);
            if (NotADraft(draft) is { } why)
            {
                Fail(input, $"{draft} {why}: it was not overwritten (move it, or extract into another folder)");
                continue;
            }
            var t = answer.Transcript;
            foreach (var w in t.Warnings) FoiCli.Report(stderr, w);
            if (kit.FindRequest(t.RequestId) is null)
                FoiCli.Report(stderr, new Diagnostic(Severity.Warning, input,
                    $"request '{t.RequestId}' (from its sidecar) is not a request the kit knows: add its definition with --requests before normalising the draft"));
            try
            {
                DraftTranscriptWriter.WriteFile(answer, folder, names[i]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Fail(input, $"the draft {draft} could not be written ({e.Message})");
                continue;
            }
            stdout.WriteLine($"{input} -> {draft}: {t.Tables.Count} table(s), {t.Tables.Sum(x => x.Rows.Count())} row(s), review: {t.Review}");
        }
        return failed > 0 ? FoiCli.Failed : FoiCli.Ok;
    }

    private static string WithoutFile(string message, string file) =>
        message.StartsWith(file + ": ", StringComparison.Ordinal) ? message[(file.Length + 2)..] : message;

    /// <summary>
    /// Why the file already at <paramref name="path"/> must not be replaced, or null when there is none or it is
    /// a draft (extracting again replaces a draft; a checked or hand-typed transcript holds a person's work).
    /// </summary>
    private static string? NotADraft(string path)
    {
        if (Directory.Exists(path)) return "is a folder";
        if (!File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            using var doc = JsonDocument.Parse(stream);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("review", out var review)
                && review.ValueKind == JsonValueKind.String)
            {
                return review.GetString() == TranscriptReview.Draft ? null : $"is a transcript marked \"review\": \"{review.GetString()}\"";
            }
            return "already exists and is not a draft";
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return "already exists and is not a draft";
        }
    }
}
