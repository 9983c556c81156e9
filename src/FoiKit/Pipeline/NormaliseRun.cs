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
        Run(kit, inputs, (n, p, warn) => n.NormaliseInto(p, sink, warn), report, onDocument, defaults);

    /// <summary>
    /// As <see cref="Run(KitData, IEnumerable{string}, ITidySink, Action{Diagnostic}, Action{SourceDocument}?, ReadDefaults?)"/>, into a
    /// sink that takes each row's parts (the tidy CSV writer): no <see cref="Observation"/> is built per cell.
    /// </summary>
    public static NormaliseSummary Run(KitData kit, IEnumerable<string> inputs, ITidyRowSink sink, Action<Diagnostic> report,
        Action<SourceDocument>? onDocument = null, ReadDefaults? defaults = null) =>
        Run(kit, inputs, (n, p, warn) => n.NormaliseInto(p, sink, warn), report, onDocument, defaults);

    private static NormaliseSummary Run(KitData kit, IEnumerable<string> inputs,
        Func<Normaliser, PreparedTranscript, Action<Diagnostic>, (long Observations, long Rejects)> normaliseInto,
        Action<Diagnostic> report, Action<SourceDocument>? onDocument, ReadDefaults? defaults)
    {
        var normaliser = new Normaliser(kit);
        var readers = InputDiscovery.ReadersFor(defaults ?? ReadDefaults.None, kit.Reference.Forces);
        var files = InputDiscovery.Find(inputs, out var skipped, out var missing, readers);
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
        foreach (var file in files)
        {
            var reader = InputDiscovery.ReaderFor(file, readers);
            if (reader is null)
            {
                errors++;
                report(new Diagnostic(Severity.Error, file, $"the kit does not read '{Path.GetExtension(file)}' files (it reads {string.Join(", ", Formats())})"));
                continue;
            }
            // A master sheet holds one response per force; other files hold one.
            var transcripts = reader is IMultiResponseReader multi ? multi.ReadAll(file) : [reader.Read(file)];
            foreach (var transcript in transcripts)
            {
                var prepared = transcript.Ok ? normaliser.Prepare(DuplicateTables.Mark(transcript.Value!)) : Parsed<PreparedTranscript>.Fail(transcript.Error!);
                if (!prepared.Ok)
                {
                    errors++;
                    report(new Diagnostic(Severity.Error, file, StripFile(prepared.Error!, file)));
                    continue;
                }
                var p = prepared.Value!;
                foreach (var w in p.Transcript.Warnings) Warn(w);
                onDocument?.Invoke(new SourceDocument(file, p.Request.Id, p.Transcript.Kind, p.Force, p.Transcript.SourceUrl,
                    p.Transcript.RequestRef, p.Transcript.ResponseDate, p.Transcript.MethodNotes, p.Transcript.Truncated,
                    p.Transcript.Notes, p.Transcript.Tables.Count));
                if (p.Transcript.Truncated)
                    Warn(new Diagnostic(Severity.Warning, file, "the source was cut off (truncated): figures after the cut are unknown, not zero"));
                var (o, r) = normaliseInto(normaliser, p, Warn);
                observations += o;
                rejects += r;
            }
        }
        return new NormaliseSummary(files.Count, observations, rejects, errors, warnings, skipped);
    }

    /// <summary>Normalises into memory: for notebooks and analysis of small inputs.</summary>
    public static TidyDataset Load(KitData kit, params string[] inputs) => Load(kit, inputs, ReadDefaults.None);

    /// <summary>Normalises into memory, with what the command line supplies for files that do not say it.</summary>
    public static TidyDataset Load(KitData kit, IEnumerable<string> inputs, ReadDefaults defaults)
    {
        var sink = new ListSink();
        var diagnostics = new List<Diagnostic>();
        var documents = new List<SourceDocument>();
        var summary = Run(kit, inputs, sink, diagnostics.Add, documents.Add, defaults);
        return new TidyDataset(sink.Observations, sink.Rejects, diagnostics, documents, summary);
    }

    private static IEnumerable<string> Formats() =>
        InputDiscovery.Readers.Select(r => r.GetType().Name.Replace("Reader", "", StringComparison.Ordinal));

    private static string StripFile(string message, string file) =>
        message.StartsWith(file + ": ", StringComparison.Ordinal) ? message[(file.Length + 2)..] : message;

    private sealed class ListSink : ITidySink
    {
        public List<Observation> Observations { get; } = [];

        public List<Reject> Rejects { get; } = [];

        public void Add(Observation observation) => Observations.Add(observation);

        public void Add(Reject reject) => Rejects.Add(reject);
    }
}
