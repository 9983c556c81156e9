using FoiKit.Model;
using FoiKit.Reference;

namespace FoiKit.Analyse;

/// <summary>One force's figure for one request year, with where it came from.</summary>
/// <param name="Year">The request year.</param>
/// <param name="Value">The figure; null when not printed.</param>
/// <param name="Basis">Where it is printed.</param>
/// <param name="Note">Loose wording or derivation, named.</param>
public sealed record YearFigure(FinancialYear Year, long? Value, string Basis, string Note);

/// <summary>What is known about one force: its yearly figures, totals, rates and caveats, each traceable.</summary>
public sealed record ForceProfile(
    Force Force,
    SourceKind Source,
    IReadOnlyList<SourceDocument> Documents,
    IReadOnlyList<YearFigure> Years,
    long? Total,
    string TotalBasis,
    decimal? GrowthPct,
    bool? Rising,
    long? Population,
    int PopulationYear,
    long? Charges,
    string ChargesBasis,
    long? OffencesInChargeYear,
    string MethodNotes,
    IReadOnlyList<string> Caveats)
{
    /// <summary>The total over the request's years per 100,000 residents (derived: total ÷ ONS mid-year population).</summary>
    public decimal? RatePer100k => Total is { } t && Population is { } p && p > 0 ? Math.Round(t * 100_000m / p, 1) : null;

    /// <summary>Charges as a share of the year's offences, in percent (derived).</summary>
    public decimal? ChargeRatePct => Charges is { } c && OffencesInChargeYear is { } o && o > 0 ? Math.Round(c * 100m / o, 1) : null;

    public string SourceLabel => Source == SourceKind.ForceResponse ? "force's own response" : "newspaper article figures";
}

/// <summary>A row of the coverage table: which force gave what, from which kind of source.</summary>
public sealed record CoverageRow(string ForceId, string ForceName, SourceKind Kind, string SourceFile, string SourceUrl,
    bool HasYearly, bool HasTotal, bool HasOffenceBreakdown, bool HasOutcomeBreakdown, bool Truncated, int Figures);

/// <summary>A printed total checked against its printed parts.</summary>
public sealed record TotalAudit(string ForceId, string SourceFile, int Table, string Question, int TotalRow, string Label,
    long? Printed, long PartsSum, int Parts, int UnknownParts, string Status);

/// <summary>Builds per-force profiles and the tables a reviewer needs before comparing forces.</summary>
internal static class ForceProfiles
{
    /// <summary>
    /// The ONS mid-year population used for a request's rates: the one its definition states
    /// (<c>population_year</c>), else the mid-year (30 June) nearest the end of the request's latest
    /// year, or the year nearest that among those the population table holds (the later on a tie).
    /// For 2021/22 to 2023/24 the latest year ends on 5 April 2024 (31 March on the financial-year
    /// basis): mid-2024 is 86 (91) days after it, mid-2023 280 (275) days before, so rates use mid-2024.
    /// </summary>
    public static int PopulationYearFor(RequestDefinition request, PopulationTable population)
    {
        if (request.PopulationYear is { } stated) return stated;
        var years = request.AllYears;
        if (years.Count == 0) throw new InvalidDataException($"{request.SourceFile}: request '{request.Id}' covers no years, so no population year fits it");
        var end = years[^1].End(request.RequestedBasis ?? PeriodBasis.FinancialYear);
        var after = new DateOnly(end.Year, 6, 30);
        var before = new DateOnly(end.Year - 1, 6, 30);
        var target = after.DayNumber - end.DayNumber <= end.DayNumber - before.DayNumber ? after.Year : before.Year;
        var held = population.Rows.Select(r => r.MidYear).Distinct().ToList();
        return held.Count == 0 ? target : held.OrderBy(y => Math.Abs(y - target)).ThenByDescending(y => y).First();
    }

    public static IReadOnlyList<ForceProfile> Build(ClaimChecker checker, TidyDataset data, KitData kit)
    {
        var years = RequestPeriods.Of(checker.Request).Years;
        var populationYear = PopulationYearFor(checker.Request, kit.Reference.Population);
        var chargeYear = checker.Request.Questions.Values.FirstOrDefault(q => q.Measure == Measure.Outcomes)?.Period ?? years[^1];
        var profiles = new List<ForceProfile>();
        foreach (var byForce in checker.Figures.GroupBy(f => f.ForceId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var force = kit.Reference.Forces[byForce.Key];
            var kind = byForce.Any(f => f.Kind == SourceKind.ForceResponse) ? SourceKind.ForceResponse : SourceKind.PublishedArticle;
            var figs = byForce.Where(f => f.Kind == kind).ToList();
            var docs = data.Documents.Where(d => d.Force.Id == force.Id && d.Kind == kind).OrderBy(d => d.SourceFile, StringComparer.Ordinal).ToList();
            var caveats = new List<string>();

            var yearly = years.Select(y =>
            {
                var hits = figs.Where(f => f.Category.IsNone && f.Measure == Measure.Offences && !f.IsTotal && f.Covers(y)).ToList();
                var values = hits.Where(h => h.Value is not null).Select(h => h.Value!.Value).Distinct().ToList();
                if (values.Count > 1) caveats.Add($"{y.Label}: sources print different figures ({string.Join(" / ", values)})");
                var first = hits.FirstOrDefault(h => h.Value is not null) ?? hits.FirstOrDefault();
                // A year printed without a figure ('<5', '*', '[c]') is printed, and its note says how.
                var note = first?.Note ?? "";
                if (first is { Value: null } blank && values.Count == 0)
                    note = string.Join("; ", new[] { note, $"{blank.Status.ToContract()} in the source{(blank.Suppressed is { } r ? $" as '{r.Printed}' ({r.Low} to {r.High})" : "")}" }.Where(x => x.Length > 0));
                return new YearFigure(y, values.Count == 1 ? values[0] : null, first?.Basis ?? "", note);
            }).ToList();

            long? total = null;
            var totalBasis = "";
            if (yearly.All(y => y.Value is not null))
            {
                total = yearly.Sum(y => y.Value!.Value);
                totalBasis = "sum of the yearly figures";
            }
            var printedTotal = figs.FirstOrDefault(f => f.Category.IsNone && f.Measure == Measure.Offences && f.IsTotal && f.Years.SequenceEqual(years) && f.Value is not null);
            if (printedTotal is not null)
            {
                if (total is null) { total = printedTotal.Value; totalBasis = $"printed total ({printedTotal.Basis})"; }
                else if (total != printedTotal.Value) caveats.Add($"the yearly figures add up to {total} but the printed total is {printedTotal.Value}");
                else totalBasis += $", equal to the printed total ({printedTotal.Basis})";
            }

            decimal? growth = null;
            bool? rising = null;
            if (yearly[0].Value is { } a && yearly[^1].Value is { } b && a > 0) growth = Math.Round((b - a) * 100m / a, 1);
            if (yearly.All(y => y.Value is not null))
                rising = yearly.Zip(yearly.Skip(1), (x, y) => y.Value > x.Value).All(r => r);
            if (yearly.Any(y => y.Value is null) && total is not null)
                caveats.Add("yearly figures are not all printed: only the total is known");

            var charge = figs.FirstOrDefault(f => f.IsCharge && f.Covers(chargeYear) && f.Value is not null && !f.IsTotal);
            var offencesThatYear = yearly.FirstOrDefault(y => y.Year == chargeYear)?.Value;

            var population = kit.Reference.Population.Find(force.Id, populationYear)?.Population;
            if (docs.Any(d => d.Truncated)) caveats.Add("the source was cut off: figures after the cut are unknown");
            if (kind == SourceKind.PublishedArticle)
                caveats.Add("figures as a newspaper printed them; the force's own answer was not seen");
            var notes = string.Join(" ", docs.Select(d => d.MethodNotes).Where(n => n.Length > 0).Distinct());
            profiles.Add(new ForceProfile(force, kind, docs, yearly, total, totalBasis, growth, rising, population, populationYear,
                charge?.Value, charge?.Basis ?? "", offencesThatYear, notes, caveats));
        }
        return profiles;
    }

    /// <summary>Which force gave what, from which kind of source.</summary>
    public static IReadOnlyList<CoverageRow> Coverage(TidyDataset data)
    {
        return data.Documents.OrderBy(d => d.Force.Id, StringComparer.Ordinal).ThenBy(d => d.SourceFile, StringComparer.Ordinal).Select(d =>
        {
            var obs = data.Observations.Where(o => o.Source.SourceFile == d.SourceFile).ToList();
            return new CoverageRow(d.Force.Id, d.Force.OfficialName, d.Kind, d.SourceFile, d.SourceUrl,
                obs.Any(o => o.Category.IsNone && o.Value.Status != ValueStatus.PrintedTotal),
                obs.Any(o => o.Category.IsNone && o.Value.Status == ValueStatus.PrintedTotal),
                obs.Any(o => o.Measure == Measure.Offences && !o.Category.IsNone),
                obs.Any(o => o.Measure == Measure.Outcomes && !o.Category.IsNone),
                d.Truncated, obs.Count);
        }).ToList();
    }

    /// <summary>
    /// Every printed total against its printed parts: the other figures of its row when it is a
    /// "Total" column, else the figures above it in its column since the previous total.
    /// </summary>
    public static IReadOnlyList<TotalAudit> AuditTotals(TidyDataset data)
    {
        var audits = new List<TotalAudit>();
        foreach (var table in data.Observations.GroupBy(o => (o.Source.SourceFile, o.Source.Table)))
        {
            var cells = table.ToList();
            foreach (var total in cells.Where(o => o.Value.Status == ValueStatus.PrintedTotal))
            {
                var rowParts = cells.Where(o => o.Source.Row == total.Source.Row && o.Value.Status != ValueStatus.PrintedTotal).ToList();
                List<Observation> parts;
                if (rowParts.Count > 0)
                {
                    parts = rowParts;
                }
                else
                {
                    var column = cells.Where(o => o.Source.Column == total.Source.Column).ToList();
                    var previousTotal = column.Where(o => o.Value.Status == ValueStatus.PrintedTotal && o.Source.Row < total.Source.Row)
                        .Select(o => o.Source.Row).DefaultIfEmpty(0).Max();
                    parts = column.Where(o => o.Value.Status != ValueStatus.PrintedTotal && o.Source.Row > previousTotal && o.Source.Row < total.Source.Row).ToList();
                }
                var sum = parts.Where(p => p.Value.Value is not null).Sum(p => p.Value.Value!.Value);
                var unknown = parts.Count(p => p.Value.Value is null);
                var status = parts.Count == 0 ? "no parts printed"
                    : unknown > 0 ? (sum > total.Value.Value ? "contradicted by known parts" : "cannot be fully checked (parts suppressed)")
                    : sum == total.Value.Value ? "matches the parts" : "does not match the parts";
                var label = total.Category.IsNone ? total.Period.Label : total.Category.Label;
                audits.Add(new TotalAudit(total.Force.Id, total.Source.SourceFile, total.Source.Table, total.Question, total.Source.Row,
                    label, total.Value.Value, sum, parts.Count, unknown, status));
            }
        }
        return audits.OrderBy(a => a.SourceFile, StringComparer.Ordinal).ThenBy(a => a.Table).ThenBy(a => a.TotalRow).ToList();
    }

    /// <summary>
    /// The national figures printed, against what the known forces make plausible (illustrations, not data). The known
    /// forces and their total are the coverage's (<see cref="StudyCoverage.Known"/>), as in the national verdicts' note.
    /// </summary>
    public static NationalPicture National(IReadOnlyList<ForceProfile> profiles, StudyCoverage coverage, IReadOnlyList<Claim> claims, KitData kit,
        RequestDefinition request)
    {
        var known = coverage.Known;
        var rates = profiles.Where(p => p.Total is not null && p.RatePer100k is not null).Select(p => p.RatePer100k!.Value).ToList();
        var populationYear = PopulationYearFor(request, kit.Reference.Population);
        var ewPopulation = kit.Reference.Population.Rows.Where(r => r.MidYear == populationYear).Sum(r => r.Population);
        var printed = claims.Where(c => c.IsNational && c.Kind == ClaimKind.AtLeast && c.Value is not null)
            .GroupBy(c => (long)c.Value!.Value).OrderByDescending(g => g.Key)
            .Select(g => new PrintedNational(g.Key, g.Select(c => c.ArticleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        return new NationalPicture(known.Count, coverage.TerritorialForces, known.Sum(p => p.Total!.Value), ewPopulation, populationYear,
            rates.Count > 0 ? rates.Min() : null, rates.Count > 0 ? rates.Max() : null, printed);
    }
}
