using System.Globalization;
using System.Security.Cryptography;
using FoiKit.Model;
using FoiKit.Read.Spreadsheets;
using FoiKit.Reference;

namespace FoiKit.Read.Documents;

/// <summary>A draft transcript extracted from an original document, for a person to check.</summary>
/// <param name="Transcript">The transcript (<c>review: draft</c>, <c>extracted_from</c> set); its warnings say what to check.</param>
/// <param name="Pages">Pages read (PDF); 0 for web pages and Word files.</param>
public sealed record ExtractedAnswer(ResponseTranscript Transcript, int Pages)
{
    public ExtractedFrom Source => Transcript.ExtractedFrom!;
}

/// <summary>
/// Reads an answer as a force published it (<c>.html</c>/<c>.htm</c>, <c>.docx</c>, <c>.pdf</c>
/// with a text layer) into a draft transcript (contract §1 and §6): the tables of figures as
/// printed, the prose as method notes, the force and request from a sidecar, the defaults, or (the
/// force only) the document's heading. A document that cannot give one gets a one-sentence reason
/// naming the file.
/// </summary>
public static class DocumentExtractor
{
    /// <summary>The extensions this reads, lower case with the dot.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".html", ".htm", ".docx", ".pdf"];

    /// <summary>True when the file's name says it is a document this reads.</summary>
    public static bool Handles(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    private static readonly Lazy<ForceRegistry?> KitForces = new(() =>
    {
        var folder = KitData.LocateDataFolder();
        if (folder is null) return null;
        var file = Path.Combine(folder, "reference", "forces.csv");
        return File.Exists(file) ? ForceRegistry.Load(file) : null;
    });

    /// <summary>Extracts one document.</summary>
    /// <param name="path">The file as given (kept as the transcript's source file).</param>
    /// <param name="defaults">--request and --force; null for none.</param>
    /// <param name="forces">The force registry to find a force named in the heading; null to use the kit's <c>forces.csv</c>.</param>
    public static Parsed<ExtractedAnswer> Extract(string path, ReadDefaults? defaults = null, ForceRegistry? forces = null)
    {
        defaults ??= ReadDefaults.None;
        if (!File.Exists(path)) return Parsed<ExtractedAnswer>.Fail($"{path}: no such file");
        var read = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".html" or ".htm" => HtmlAnswerReader.Read(path),
            ".docx" => WordAnswerReader.Read(path),
            ".pdf" => PdfAnswerReader.Read(path),
            var other => Parsed<DocumentContent>.Fail($"{path}: the kit does not read '{other}' documents (it reads {string.Join(", ", Extensions)})"),
        };
        if (!read.Ok) return Parsed<ExtractedAnswer>.Fail(read.Error!);
        var content = read.Value!;
        var facts = content.Facts;

        AssembledDocument doc;
        try
        {
            doc = DocumentAssembler.Assemble(path, content.Blocks);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A page whose content PdfPig cannot follow surfaces here, while the pages are read.
            return Parsed<ExtractedAnswer>.Fail($"{path}: the {facts.Format.ToUpperInvariant()} file is damaged and could not be read to its end ({PdfAnswerReader.Short(e)})");
        }

        var warnings = new List<Diagnostic>();
        if (facts.Format == "pdf")
        {
            var readable = facts.Pages;
            if (readable == 0 && facts.UnreadablePages.Count > 0)
                return Parsed<ExtractedAnswer>.Fail($"{path}: the PDF is damaged: no page could be read ({facts.UnreadablePages[0]})");
            if (readable > 0 && facts.PagesWithoutText.Count == readable)
                return Parsed<ExtractedAnswer>.Fail($"{path}: no text layer: run OCR first (its {Pages(readable)} hold pictures of text, which the kit does not read)");
            if (facts.UnreadablePages.Count > 0)
                warnings.Add(new Diagnostic(Severity.Warning, path, $"{string.Join(", ", facts.UnreadablePages)} could not be read: any figures there are missing from the draft"));
            if (facts.PagesWithoutText.Count > 0)
                warnings.Add(new Diagnostic(Severity.Warning, path,
                    $"page(s) {CellRef.Rows(facts.PagesWithoutText)} hold no text (a scanned picture, or a blank page): run OCR on them if they hold figures"));
        }
        else if (doc.Prose.Count == 0 && doc.Tables.Count == 0 && doc.TablesAsText.Count == 0)
        {
            return Parsed<ExtractedAnswer>.Fail($"{path}: the document holds no text");
        }
        if (doc.Tables.Count == 0)
        {
            var layout = doc.TablesAsText.Count > 0 ? $" ({doc.TablesAsText.Count} table(s) were read as text: {doc.TablesAsText[0]})" : "";
            return Parsed<ExtractedAnswer>.Fail(
                $"{path}: no table of figures was found{layout}: only tables become figures (a header row above rows holding counts or suppression markers), never numbers in running text");
        }

        // What the file says about itself: a sidecar first, then the command line, then the document.
        var sidecar = new ResponseMetadata();
        var sidecarPath = ResponseMetadata.SidecarPath(path);
        if (File.Exists(sidecarPath))
        {
            var s = ResponseMetadata.ReadSidecar(sidecarPath);
            if (!s.Ok) return Parsed<ExtractedAnswer>.Fail($"{path}: {s.Error}");
            sidecar = s.Value!;
        }
        var name = Path.GetFileName(path);
        var request = sidecar["request"].Length > 0 ? sidecar["request"] : defaults.RequestId?.Trim() ?? "";
        if (request.Length == 0)
            return Parsed<ExtractedAnswer>.Fail($"{path}: which FOI request it answers is not known: pass --request <id>, or add a sidecar '{name}.meta.json' with \"request\"");
        var kindText = sidecar["kind"].Length > 0 ? sidecar["kind"] : SourceKind.ForceResponse.ToContract();
        if (!SourceKindNames.TryParse(kindText, out var kind))
            return Parsed<ExtractedAnswer>.Fail($"{path}: kind '{kindText}' in its sidecar is not force_response or published_article");

        forces ??= KitForces.Value;
        var named = forces is null ? [] : LetterText.ForcesNamed(doc.Heading, forces);
        string force;
        if (sidecar["force"].Length > 0 || defaults.Force is { Length: > 0 })
        {
            force = sidecar["force"].Length > 0 ? sidecar["force"] : defaults.Force!.Trim();
            var given = forces?.Resolve(force);
            if (named.Count == 1 && given is { Ok: true } g && g.Value!.Id != named[0].Force.Id)
                warnings.Add(new Diagnostic(Severity.Warning, path,
                    $"the document's heading names {named[0].Force.OfficialName} ('{named[0].Printed}') but {(sidecar["force"].Length > 0 ? "its sidecar" : "--force")} says '{force}': '{force}' is used"));
        }
        else if (named.Count == 1)
        {
            force = named[0].Force.OfficialName;
            warnings.Add(new Diagnostic(Severity.Warning, path,
                $"the force was read from the document's heading or letterhead ('{named[0].Printed}'{(named[0].Printed == force ? "" : $" is {force}")}): pass --force, or add a sidecar, if another force answered"));
        }
        else
        {
            var why = named.Count > 1
                ? $"its heading names {named.Count} forces ({string.Join(", ", named.Select(n => n.Force.OfficialName))})"
                : "its heading and letterhead name no force of forces.csv";
            return Parsed<ExtractedAnswer>.Fail($"{path}: which force answered is not known ({why}): pass --force <name>, or add a sidecar '{name}.meta.json' with \"force\"");
        }

        var truncated = sidecar["truncated"].ToLowerInvariant() is "true" or "yes" or "1";
        if (facts.TruncatedWhy is { } cut)
        {
            truncated = true;
            warnings.Add(new Diagnostic(Severity.Warning, path, $"{cut}: the draft says \"truncated\": true"));
        }
        var tables = doc.Tables;
        if (sidecar["question"] is { Length: > 0 } q)
            tables = tables.Select(t => t.Question.Length == 0 ? t with { Question = q } : t).ToList();

        string Pick(string key, string found) => sidecar[key].Length > 0 ? sidecar[key] : found;
        var transcript = new ResponseTranscript(
            path, request, kind, force,
            Pick("source_url", facts.SourceUrl),
            Pick("request_ref", LetterText.ReferenceIn(doc.Heading)),
            Pick("response_date", LetterText.DateIn(doc.Heading)),
            Pick("method_notes", DocumentAssembler.MethodNotes(doc.Prose)),
            truncated, sidecar["notes"], tables)
        {
            Warnings = [.. doc.Warnings, .. warnings],
            ExtractedFrom = new ExtractedFrom(name, Sha256(path), facts.Format),
            Review = TranscriptReview.Draft,
        };
        return Parsed<ExtractedAnswer>.Success(new ExtractedAnswer(transcript, facts.Pages));
    }

    private static string Pages(int n) => n == 1 ? "one page" : string.Create(CultureInfo.InvariantCulture, $"{n} pages");

    /// <summary>The file's SHA-256 as lower-case hex, as <c>data/sources.csv</c> records it.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
