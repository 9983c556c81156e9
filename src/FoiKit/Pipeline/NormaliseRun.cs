using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Read;
using FoiKit.Reference;

namespace FoiKit.Pipeline;

/// <summary>Reads inputs and streams every cell to a sink, in a deterministic order.</summary>
public static class NormaliseRun
{
    /// <summary>Normalises files and folders; unusable inputs are reported as errors and the rest go on.</summary>
    /// <param name="defaults">What the command line supplies for files that do not say it (<c>--request</c>, <c>--force</c>); null for none.</param>
    public static NormaliseSummary Run(KitData kit, IEnumerable<string> inputs, ITidySink sink, Action<Diagnostic> report,
        Action<SourceDocument>? onDocument = null, ReadDefaults? defaults = null) =>
        Run(kit, inputs, null, (n, p, warn) => n.NormaliseInto(p, sink, warn), report, onDocument, defaults);

    /// <summary>
    /// As <see cref="Run(KitData, IEnumerable{string}, ITidySink, Action{Diagnostic}, Action{SourceDocument}?, ReadDefaults?)"/>, into a
    /// sink that takes each row's parts (the tidy CSV writer): no <see cref="Observation"/> is built per cell.
    /// </summary>
    public static NormaliseSummary Run(KitData kit, IEnumerable<string> inputs, ITidyRowSink sink, Action<Diagnostic> report,
        Action<SourceDocument>? onDocument = null, ReadDefaults? defaults = null) =>
        Run(kit, inputs, null, (n, p, warn) => n.NormaliseInto(p, sink, warn), report, onDocument, defaults);

    /// <summary>Normalises every answer in a study folder, naming each file as <see cref="StudyFolder.NameOf"/> does.</summary>
    public static NormaliseSummary Run(KitData kit, StudyFolder study, ITidySink sink, Action<Diagnostic> report,
        Action<SourceDocument>? onDocument = null) =>
        Run(kit, [study.Path], study.NameOf, (n, p, warn) => n.NormaliseInto(p, sink, warn), report, onDocument, null);

    /// <summary>As <see cref="Run(KitData, StudyFolder, ITidySink, Action{Diagnostic}, Action{SourceDocument}?)"/>, into a sink that takes each row's parts.</summary>
    public static NormaliseSummary Run(KitData kit, StudyFolder study, ITidyRowSink sink, Action<Diagnostic> report,
        Action<SourceDocument>? onDocument = null) =>
        Run(kit, [study.Path], study.NameOf, (n, p, warn) => n.NormaliseInto(p, sink, warn), report, onDocument, null);

    /// <param name="nameOf">How a file is named in the outputs (null: as found).</param>
    private static NormaliseSummary Run(KitData kit, IEnumerable<string> inputs, Func<string, string>? nameOf,
        Func<Normaliser, PreparedTranscript, Action<Diagnostic>, (long Observations, long Rejects)> normaliseInto,
        Action<Diagnostic> report, Action<SourceDocument>? onDocument, ReadDefaults? defaults)
    {
        var normaliser = new Normaliser(kit);
        var readers = InputDiscovery.ReadersFor(defaults ?? ReadDefaults.None, kit.Reference.Forces);
        var files = InputDiscovery.Find(inputs, out var skipped, out var unmarked, out var missing, readers);
        string Name(string file) => nameOf is null ? file : nameOf(file);
        int errors = 0, warnings = 0;
        long observations = 0, rejects = 0;
        foreach (var m in missing)
        {
            errors++;
            report(new Diagnostic(Severity.Error, m, "no such file or folder"));
        }
        void Warn(Diagnostic d)
        {
            warnings++;
            report(d);
        }
        // A file whose meaning cannot be told is named, never passed over in silence.
        foreach (var u in unmarked) Warn(new Diagnostic(Severity.Warning, Name(u.File), u.Fix));
        foreach (var path in files)
        {
            var file = Name(path);
            var reader = InputDiscovery.ReaderFor(path, readers);
            if (reader is null)
            {
                errors++;
                report(new Diagnostic(Severity.Error, file, $"the kit does not read '{Path.GetExtension(file)}' files (it reads {string.Join(", ", Formats())})"));
                continue;
            }
            foreach (var transcript in ReadAll(reader, path).Select(t => Renamed(t, path, file)))
            {
                var prepared = Prepare(normaliser, transcript);
                if (!prepared.Ok)
                {
                    errors++;
                    report(new Diagnostic(Severity.Error, file, StripFile(prepared.Error!, file)));
                    continue;
                }
                var (o, r) = NormaliseOne(normaliser, prepared.Value!, normaliseInto, Warn, onDocument);
                observations += o;
                rejects += r;
            }
        }
        return new NormaliseSummary(files.Count, observations, rejects, errors, warnings, skipped.Select(Name).ToList());
    }

    /// <summary>One prepared transcript: its reader's warnings, its document, a cut-off warning, and its cells.</summary>
    private static (long Observations, long Rejects) NormaliseOne(Normaliser normaliser, PreparedTranscript p,
        Func<Normaliser, PreparedTranscript, Action<Diagnostic>, (long Observations, long Rejects)> normaliseInto,
        Action<Diagnostic> warn, Action<SourceDocument>? onDocument)
    {
        var t = p.Transcript;
        foreach (var w in t.Warnings) warn(w);
        onDocument?.Invoke(new SourceDocument(t.SourceFile, p.Request.Id, t.Kind, p.Force, t.SourceUrl,
            t.RequestRef, t.ResponseDate, t.MethodNotes, t.Truncated, t.Notes, t.Tables.Count));
        if (t.Truncated)
            warn(new Diagnostic(Severity.Warning, t.SourceFile, "the source was cut off (truncated): figures after the cut are unknown, not zero"));
        return normaliseInto(normaliser, p, warn);
    }

    /// <summary>
    /// The tables of one answer as the kit read them, whatever its format (transcript, CSV, XLSX, web page, Word or
    /// PDF letter), each cell as printed, with the question each answers: as stated, or as matched by its shape.
    /// A file holding several forces' answers gives the tables of <paramref name="forceId"/>'s.
    /// </summary>
    /// <param name="kit">The kit's reference tables and request definitions.</param>
    /// <param name="path">The file.</param>
    /// <param name="forceId">The force whose answer is wanted, for a file of several; null for the first.</param>
    /// <returns>The tables, or why the file could not be read (one sentence naming it).</returns>
    public static Parsed<IReadOnlyList<SourceTable>> PrintedTables(KitData kit, string path, string? forceId = null)
    {
        var readers = InputDiscovery.ReadersFor(ReadDefaults.None, kit.Reference.Forces);
        var reader = InputDiscovery.ReaderFor(path, readers);
        if (reader is null)
            return Parsed<IReadOnlyList<SourceTable>>.Fail($"{path}: the kit does not read '{Path.GetExtension(path)}' files (it reads {string.Join(", ", Formats())})");
        var normaliser = new Normaliser(kit);
        string? firstError = null;
        foreach (var transcript in ReadAll(reader, path))
        {
            var prepared = Prepare(normaliser, transcript);
            if (!prepared.Ok)
            {
                firstError ??= prepared.Error;
                continue;
            }
            if (forceId is null || prepared.Value!.Force.Id == forceId)
                return Parsed<IReadOnlyList<SourceTable>>.Success(prepared.Value!.Transcript.Tables.ToList());
        }
        return Parsed<IReadOnlyList<SourceTable>>.Fail(firstError ?? $"{path}: holds no answer from {forceId}");
    }

    /// <summary>Every response a file holds: a master sheet holds one per force; other files hold one.</summary>
    private static IEnumerable<Parsed<ResponseTranscript>> ReadAll(IResponseReader reader, string path) =>
        reader is IMultiResponseReader multi ? multi.ReadAll(path) : [reader.Read(path)];

    /// <summary>A response made ready to normalise: repeated tables marked, force and request resolved, questions matched by shape.</summary>
    private static Parsed<PreparedTranscript> Prepare(Normaliser normaliser, Parsed<ResponseTranscript> transcript) =>
        transcript.Ok ? normaliser.Prepare(DuplicateTables.Mark(transcript.Value!)) : Parsed<PreparedTranscript>.Fail(transcript.Error!);

    /// <summary>A file read from <paramref name="path"/>, named <paramref name="name"/> in its figures, warnings and errors.</summary>
    private static Parsed<ResponseTranscript> Renamed(Parsed<ResponseTranscript> read, string path, string name)
    {
        if (path == name) return read;
        string In(string text) => text.Replace(path, name, StringComparison.Ordinal);
        if (!read.Ok) return Parsed<ResponseTranscript>.Fail(In(read.Error!));
        var t = read.Value!;
        return Parsed<ResponseTranscript>.Success(t with
        {
            SourceFile = name,
            Warnings = t.Warnings.Select(w => w with { File = In(w.File), Message = In(w.Message) }).ToList(),
        });
    }

    /// <summary>Normalises into memory: for notebooks and analysis of small inputs.</summary>
    public static TidyDataset Load(KitData kit, params string[] inputs) => Load(kit, inputs, ReadDefaults.None);

    /// <summary>Normalises into memory, with what the command line supplies for files that do not say it.</summary>
    public static TidyDataset Load(KitData kit, IEnumerable<string> inputs, ReadDefaults defaults) =>
        Load(sink => Run(kit, inputs, (ITidySink)sink, sink.Add, sink.Documents.Add, defaults));

    /// <summary>Normalises a study folder into memory, naming each file as <see cref="StudyFolder.NameOf"/> does.</summary>
    public static TidyDataset Load(KitData kit, StudyFolder study) => Load(sink => Run(kit, study, (ITidySink)sink, sink.Add, sink.Documents.Add));

    /// <summary>Normalises one transcript already prepared (e.g. built in a notebook cell) into memory.</summary>
    internal static TidyDataset Load(Normaliser normaliser, PreparedTranscript prepared) => Load(sink =>
    {
        var warnings = 0;
        void Warn(Diagnostic d)
        {
            warnings++;
            sink.Add(d);
        }
        var marked = prepared with { Transcript = DuplicateTables.Mark(prepared.Transcript) };
        var (o, r) = NormaliseOne(normaliser, marked, (n, p, warn) => n.NormaliseInto(p, (ITidySink)sink, warn), Warn, sink.Documents.Add);
        return new NormaliseSummary(1, o, r, 0, warnings, []);
    });

    private static TidyDataset Load(Func<ListSink, NormaliseSummary> run)
    {
        var sink = new ListSink();
        var summary = run(sink);
        return new TidyDataset(sink.Observations, sink.Rejects, sink.Diagnostics, sink.Documents, summary);
    }

    private static IEnumerable<string> Formats() =>
        InputDiscovery.Readers.Select(r => r.GetType().Name.Replace("Reader", "", StringComparison.Ordinal));

    private static string StripFile(string message, string file) =>
        message.StartsWith(file + ": ", StringComparison.Ordinal) ? message[(file.Length + 2)..] : message;

    private sealed class ListSink : ITidySink
    {
        public List<Observation> Observations { get; } = [];

        public List<Diagnostic> Diagnostics { get; } = [];

        public List<SourceDocument> Documents { get; } = [];

        public void Add(Diagnostic diagnostic) => Diagnostics.Add(diagnostic);

        public List<Reject> Rejects { get; } = [];

        public void Add(Observation observation) => Observations.Add(observation);

        public void Add(Reject reject) => Rejects.Add(reject);
    }
}
