using System.Globalization;
using FoiKit.Analyse;
using FoiKit.Model;
using FoiKit.Pipeline;
using FoiKit.Text;

namespace FoiKit.Notebooks;

/// <summary>
/// One force in sentences a local reporter can lift: what was printed, where, what can be derived,
/// and what must be said alongside it. Every number comes from the <see cref="Study"/>; nothing
/// is rounded away or invented, and unknown figures are named as unknown.
/// </summary>
/// <param name="ForceId">The force.</param>
/// <param name="ForceName">Its official name.</param>
/// <param name="Headline">What it recorded, in one sentence.</param>
/// <param name="Sentences">The rest: trend, rate, charges, breakdown, sources, caveats.</param>
public sealed record ForceBrief(string ForceId, string ForceName, string Headline, IReadOnlyList<string> Sentences)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The brief as plain text: the name, the headline, then one sentence per line.</summary>
    public override string ToString() =>
        string.Join("\n", new[] { ForceName, new string('-', ForceName.Length), Headline }.Concat(Sentences.Select(s => "- " + s)));

    /// <summary>The brief of one force with material in the study (figures, or only a source that prints none).</summary>
    public static ForceBrief Of(Study study, string force)
    {
        var profile = study.Profiles.FirstOrDefault(p => p.Force.Id == force)
            ?? (study.Kit.Reference.Forces.Resolve(force) is { Ok: true } f ? study.Profiles.FirstOrDefault(p => p.Force.Id == f.Value!.Id) : null);
        if (profile is null) return WithoutFigures(study, force);

        var name = profile.Force.OfficialName;
        var years = profile.Years;
        var span = $"{years[0].Year.Label} to {years[^1].Year.Label}";
        var from = profile.Source == SourceKind.ForceResponse ? "according to its own FOI answer" : "according to figures a newspaper printed from its FOI answer";
        var known = years.Where(y => y.Value is not null).ToList();
        string headline;
        if (profile.Total is { } total)
        {
            headline = Fmt($"{name} recorded {total:#,0} offences{LinkedTo(study.Request)} from {span}, {from}");
            headline += known.Count == years.Count
                ? Fmt($": {string.Join(", ", known.Select(y => Fmt($"{y.Value:#,0} in {y.Year.Label}")))}.")
                : known.Count == 0 ? "; the figure for each year was not printed." : Fmt($"; only {string.Join(", ", known.Select(y => $"{y.Year.Label} ({y.Value})"))} printed by year.");
        }
        else
        {
            headline = known.Count > 0
                ? Fmt($"{name}: {string.Join(", ", known.Select(y => Fmt($"{y.Value:#,0} offences in {y.Year.Label}")))} ({from}); no three-year total can be given.")
                : Fmt($"{name}: no yearly or total offence figures were printed ({from}).");
        }

        var sentences = new List<string>();
        if (profile.GrowthPct is { } g && profile.Rising is { } rising)
        {
            var direction = g >= 0 ? "up" : "down";
            sentences.Add(Fmt($"Change {years[0].Year.Label} to {years[^1].Year.Label}: {direction} {Math.Abs(g):0.#}%") +
                (rising ? ", rising every year." : $", but not rising every year ({string.Join(", ", years.Select(y => y.Value?.ToString(Inv) ?? "?"))})."));
        }
        else if (study.YearBounds(profile.Force.Id) is { Solutions: > 0 } bounds)
        {
            sentences.Add("The yearly figures are not printed. What the printed total, rise and 'rising' allow: " +
                bounds.Describe(years.Select(y => y.Year.Label).ToList()) + " (possible ranges, not data).");
        }
        if (profile.RatePer100k is { } rate)
        {
            sentences.Add(Fmt($"Rate: {rate:0.0} offences per 100,000 residents over the three years (derived: total ÷ ONS mid-{profile.PopulationYear} population of {profile.Population:#,0})."));
        }
        if (profile.Charges is { } charges)
        {
            var year = study.BreakdownYear(Measure.Outcomes);
            sentences.Add(profile.ChargeRatePct is { } pct
                ? Fmt($"Charges or summons in {year.Label}: {charges} of {profile.OffencesInChargeYear} offences recorded that year ({pct:0.0}%, derived).")
                : Fmt($"Charges or summons in {year.Label}: {charges}; the year's offences were not printed, so no charge rate can be given."));
        }
        foreach (var measure in new[] { Measure.Offences, Measure.Outcomes })
        {
            var gap = study.Gap(profile.Force.Id, measure, study.BreakdownYear(measure));
            // Charges alone are said above, with their rate.
            if (gap.Parts.Count == 0 || gap.Parts.All(p => p.IsCharge)) continue;
            var parts = string.Join(", ", gap.Parts.Select(p => $"{p.Category.Label} {p.Value?.ToString(Inv) ?? "(no figure)"}"));
            sentences.Add($"{(measure == Measure.Offences ? "Offence types" : "Police outcomes")} printed for {gap.Year.Label}: {parts}. {Capitalise(gap.Describe())}.");
        }
        foreach (var doc in profile.Documents)
        {
            sentences.Add($"Source: {(doc.Kind == SourceKind.ForceResponse ? "the force's FOI answer" : "a newspaper article")}, {doc.SourceUrl} (transcribed in {doc.SourceFile}).");
        }
        if (profile.MethodNotes.Length > 0) sentences.Add($"How the figures were found: {profile.MethodNotes}");
        sentences.AddRange(profile.Caveats.Select(c => $"Caveat: {c}."));
        return new ForceBrief(profile.Force.Id, name, headline, sentences);
    }

    /// <summary>
    /// The briefs of every force with material in the study (a force response or an article), in force order;
    /// with <paramref name="first"/>, that force's brief leads (the notebooks' <c>force</c> parameter).
    /// </summary>
    public static IReadOnlyList<ForceBrief> All(Study study, string? first = null)
    {
        var lead = first is not null && study.Kit.Reference.Forces.Resolve(first) is { Ok: true } f ? f.Value!.Id : null;
        return study.Data.Documents.Select(d => d.Force.Id).Distinct(StringComparer.Ordinal)
            .OrderBy(id => id == lead ? 0 : 1).ThenBy(id => id, StringComparer.Ordinal)
            .Select(id => Of(study, id)).ToList();
    }

    private static ForceBrief WithoutFigures(Study study, string force)
    {
        var docs = study.Data.Documents.Where(d => d.Force.Id == force || LabelKey.Of(d.Force.OfficialName) == LabelKey.Of(force)).ToList();
        if (docs.Count == 0) throw new KeyNotFoundException($"no material for '{force}' in the data");
        var name = docs[0].Force.OfficialName;
        var claims = study.Claims.Where(c => !c.IsNational && study.Kit.Reference.Forces.Resolve(c.Force) is { Ok: true } f && f.Value!.Id == docs[0].Force.Id).ToList();
        var sentences = docs.Select(d => $"Source: {(d.Kind == SourceKind.ForceResponse ? "the force's FOI answer" : "a newspaper article")}, {d.SourceUrl} (transcribed in {d.SourceFile}).").ToList();
        sentences.AddRange(claims.Select(c => $"The article also says: {c.Text}"));
        if (docs.Any(d => d.Truncated)) sentences.Add("Caveat: the stored copy of the source is cut off; figures after the cut are unknown.");
        return new ForceBrief(docs[0].Force.Id, name, $"{name}: the source we have prints no whole-number offence figure for the force.", sentences);
    }

    /// <summary>" linked to TikTok": the request's keywords, when it is a request about records that mention a word.</summary>
    private static string LinkedTo(RequestDefinition request) =>
        request.Keywords.Count > 0 ? $" linked to {string.Join(" or ", request.Keywords)}" : "";

    private static string Fmt(FormattableString s) => s.ToString(Inv);

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
