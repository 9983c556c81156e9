using System.Globalization;
using System.Text.RegularExpressions;
using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Analyse;

/// <summary>How one source dated its yearly figures, and how the kit read them.</summary>
/// <param name="Printed">The period labels of its by-year table, as printed.</param>
/// <param name="Basis">The year basis those labels show.</param>
/// <param name="AsRequested">True when the basis is the one the request asked for.</param>
/// <param name="HowRead">Loose wording the kit resolved, named.</param>
public sealed record PeriodBasisRow(string ForceId, string Source, string SourceFile, string Printed, string Basis, bool AsRequested, string HowRead);

/// <summary>How one source says the figures were found.</summary>
/// <param name="Method">"keyword search of …" or "not stated".</param>
/// <param name="Keywords">The search terms, when the source names them.</param>
/// <param name="Limitation">What the source itself warns about, when it does.</param>
public sealed record SearchMethodRow(string ForceId, string Source, string SourceFile, string Method, string Keywords, string Limitation);

/// <summary>A source whose stored copy is cut off, and what that loses.</summary>
public sealed record CutOffRow(string ForceId, string Source, string SourceFile, string WhereCut, int FiguresKept);

/// <summary>
/// What a reviewer must know before comparing forces: period bases, how each force searched, printed
/// totals against their parts, cut-off sources and the national figures. Read from the study's
/// documents and figures; the notes quoted are the transcripts' own.
/// </summary>
public static partial class MethodReview
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Each source's by-year period labels and the basis they show.</summary>
    public static IReadOnlyList<PeriodBasisRow> PeriodBases(Findings study)
    {
        var requested = study.Request.RequestedBasis;
        return study.Data.Documents.OrderBy(d => d.Force.Id, StringComparer.Ordinal).ThenBy(d => d.SourceFile, StringComparer.Ordinal).Select(d =>
        {
            var yearly = study.Data.Observations.Where(o => o.Source.SourceFile == d.SourceFile && o.Category.IsNone && o.Measure == Measure.Offences).ToList();
            var single = yearly.Where(o => o.Value.Status != ValueStatus.PrintedTotal && o.Period.Basis != PeriodBasis.MultiYear).ToList();
            var bases = single.Select(o => o.Period.Basis).Distinct().Order().ToList();
            var basis = bases.Count == 0 ? "no yearly figures printed" : string.Join("; ", bases.Select(Describe));
            // Read this document's labels in print order, as the claim checker does ("the following year" follows "2021").
            var notes = Evidence.FromObservations(yearly, new Dictionary<string, SourceDocument> { [d.SourceFile] = d }, _ => study.Periods)
                .Where(f => !f.IsTotal && f.Note.Length > 0).Select(f => f.Note).Distinct().ToList();
            return new PeriodBasisRow(d.Force.Id, SourceOf(d.Kind), d.SourceFile,
                string.Join(" | ", single.Select(o => o.Period.Label)), basis,
                bases.Count > 0 && requested is not null && bases.All(b => b == requested), string.Join("; ", notes));
        }).ToList();
    }

    /// <summary>Each source's search method, keywords and stated limitation, from its method notes.</summary>
    public static IReadOnlyList<SearchMethodRow> SearchMethods(Findings study) =>
        study.Data.Documents.OrderBy(d => d.Force.Id, StringComparer.Ordinal).ThenBy(d => d.SourceFile, StringComparer.Ordinal).Select(d =>
        {
            var notes = d.MethodNotes;
            var keyword = notes.Contains("keyword", StringComparison.OrdinalIgnoreCase);
            var keywords = keyword ? string.Join(", ", Quoted().Matches(notes).Select(m => m.Groups[1].Value).Distinct()) : "";
            var limitation = Sentences(notes).FirstOrDefault(s => s.Contains("limitation", StringComparison.OrdinalIgnoreCase)
                || s.Contains("relevance", StringComparison.OrdinalIgnoreCase) || s.Contains("does not show", StringComparison.OrdinalIgnoreCase)) ?? "";
            var method = keyword
                ? "keyword search of recorded crime text"
                : d.Kind == SourceKind.PublishedArticle ? "not stated (the article does not say how the force searched)" : "not stated";
            return new SearchMethodRow(d.Force.Id, SourceOf(d.Kind), d.SourceFile, method, keywords, limitation);
        }).ToList();

    /// <summary>Sources whose stored copy is cut off, with the transcriber's note on where.</summary>
    public static IReadOnlyList<CutOffRow> CutOffSources(Findings study) =>
        study.Data.Documents.Where(d => d.Truncated).OrderBy(d => d.Force.Id, StringComparer.Ordinal).ThenBy(d => d.SourceFile, StringComparer.Ordinal)
            .Select(d => new CutOffRow(d.Force.Id, SourceOf(d.Kind), d.SourceFile,
                Sentences(d.Notes).FirstOrDefault(s => CutWords().IsMatch(s)) ?? "cut off (no note on where)",
                study.Data.Observations.Count(o => o.Source.SourceFile == d.SourceFile)))
            .ToList();

    /// <summary>The national figures as printed, against what the known forces make plausible, in sentences.</summary>
    public static IReadOnlyList<string> NationalSentences(Findings study)
    {
        var n = study.National;
        var known = study.Profiles.Where(p => p.Total is not null).ToList();
        var lines = new List<string>();
        var span = NumberWords.Of(study.Periods.Years.Count) + "-year";
        if (known.Count == 0) return [$"No force's {span} total is known, so nothing bounds the national figures."];
        var low = known.MinBy(p => p.Total)!;
        var high = known.MaxBy(p => p.Total)!;
        lines.Add(string.Create(Inv, $"{n.KnownForces} of the {n.TerritorialForces} territorial forces have a known {span} total: {n.KnownTotal:#,0} offences between them, from {low.Total:#,0} ({low.Force.OfficialName}) to {high.Total:#,0} ({high.Force.OfficialName})."));
        if (n.LowestRatePer100k is { } lo && n.HighestRatePer100k is { } hi)
        {
            lines.Add(string.Create(Inv, $"Their rates run from {lo:0.0} to {hi:0.0} offences per 100,000 residents. If every force in England and Wales (population {n.Population:#,0}, ONS mid-{n.PopulationYear}) recorded at those rates, the national {span} total would be {n.IfAllAtLowestRate:#,0} to {n.IfAllAtHighestRate:#,0}: an illustration, not an estimate."));
        }
        foreach (var printed in n.Printed)
        {
            var average = n.AveragePerOtherForceFor(printed.AtLeast);
            var verdict = n.IfAllAtHighestRate is { } top && printed.AtLeast > top
                ? string.Create(Inv, $"above even the highest-rate illustration ({top:#,0}); {average / high.Total!.Value:0.#} times the largest known force total")
                : n.IfAllAtLowestRate is { } bottom && printed.AtLeast < bottom
                    ? "below even the lowest-rate illustration"
                    : string.Create(Inv, $"within the range the known forces' rates give ({n.IfAllAtLowestRate:#,0} to {n.IfAllAtHighestRate:#,0})");
            lines.Add(string.Create(Inv, $"'More than {printed.AtLeast:#,0}' (printed by {string.Join(", ", printed.Articles)}): {n.Describe(printed.AtLeast)}; {verdict}."));
        }
        if (n.Printed.Count > 1)
        {
            var values = n.Printed.Select(p => p.AtLeast).Order().ToList();
            if (values[^1] == values[0] * 10)
                lines.Add(string.Create(Inv, $"{values[^1]:#,0} is exactly ten times {values[0]:#,0}: the two national figures differ by one zero, which points to a typing slip in one of them rather than two measurements."));
        }
        return lines;
    }

    private static string SourceOf(SourceKind kind) => kind == SourceKind.ForceResponse ? "force's own response" : "newspaper article figures";

    private static string Describe(PeriodBasis b) => b switch
    {
        PeriodBasis.TaxYear => "6 April to 5 April (the basis the request asked for)",
        PeriodBasis.FinancialYear => "1 April to 31 March (financial year)",
        PeriodBasis.CalendarYear => "calendar-year wording ('2021')",
        PeriodBasis.MultiYear => "several years",
        _ => "relative wording ('the following year', 'this year so far')",
    };

    private static IEnumerable<string> Sentences(string text) =>
        SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?<=[.;])\s+(?=[A-Z'""(])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"cut off|truncated|stops|not visible|stored copy (is )?(very )?short", RegexOptions.IgnoreCase)]
    private static partial Regex CutWords();
}
