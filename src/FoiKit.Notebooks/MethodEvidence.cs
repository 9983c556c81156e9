using System.Globalization;
using FoiKit.Analyse;
using FoiKit.Charts;
using FoiKit.Model;
using Plotly.NET;
using CsChart = Plotly.NET.CSharp.Chart;

namespace FoiKit.Notebooks;

/// <summary>
/// A percentage change between two small counts, and how far one offence more or fewer in either year moves it.
/// </summary>
/// <param name="Change">The change as printed figures give it, in percent (one decimal).</param>
/// <param name="Lowest">The lowest change with either count one more or one fewer.</param>
/// <param name="Highest">The highest change with either count one more or one fewer.</param>
public sealed record SmallCountChange(string Force, string FromYear, long First, string ToYear, long Last, decimal Change, decimal Lowest, decimal Highest)
{
    /// <summary>How many percentage points the change spans when one offence moves.</summary>
    public decimal Spread => Highest - Lowest;
}

/// <summary>What a rate per 100,000 residents is made of, and what it is over.</summary>
/// <param name="Years">How many years the total covers.</param>
/// <param name="Per100k">The total over all those years per 100,000 residents.</param>
/// <param name="PerYearPer100k">The same averaged per year.</param>
public sealed record RateReading(string Force, long Total, int Years, long Population, int PopulationYear, decimal Per100k, decimal PerYearPer100k);

/// <summary>
/// The methodology caveats of notebook 03, computed from a study: percentage changes of small counts, what
/// a total over several years divided by one mid-year population means, what "consistent" was checked against,
/// and what each national figure the press printed would require of the forces not seen.
/// </summary>
public static class MethodEvidence
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Every force whose first and last request years are both printed: the change, and its range with one offence moved.</summary>
    public static IReadOnlyList<SmallCountChange> SmallCounts(Findings study) =>
        study.Profiles.Where(p => p.Years.Count > 1 && p.Years[0].Value is > 1 && p.Years[^1].Value is not null)
            .Select(p =>
            {
                var (a, b) = (p.Years[0].Value!.Value, p.Years[^1].Value!.Value);
                var moved = new[] { (a - 1, b), (a + 1, b), (a, b - 1), (a, b + 1) }.Select(x => Pct(x.Item1, x.Item2)).ToList();
                return new SmallCountChange(p.Force.OfficialName, p.Years[0].Year.Label, a, p.Years[^1].Year.Label, b, Pct(a, b), moved.Min(), moved.Max());
            })
            .OrderByDescending(c => c.Spread).ToList();

    /// <summary>Every force with a total and a population: the rate over the whole span and per year.</summary>
    public static IReadOnlyList<RateReading> Rates(Findings study) =>
        study.Profiles.Where(p => p.RatePer100k is not null)
            .Select(p => new RateReading(p.Force.OfficialName, p.Total!.Value, p.Years.Count, p.Population!.Value, p.PopulationYear, p.RatePer100k!.Value,
                Math.Round(p.Total!.Value * 100_000m / p.Population!.Value / p.Years.Count, 1)))
            .OrderByDescending(r => r.Per100k).ToList();

    /// <summary>The sentences a reviewer needs about rates, computed from <see cref="Rates"/>.</summary>
    public static IReadOnlyList<string> RateSentences(Findings study)
    {
        var rates = Rates(study);
        if (rates.Count == 0) return ["No force has both a total and a population, so no rate can be given."];
        var r = rates[0];
        return
        [
            string.Create(Inv, $"{r.Force}: {r.Total:#,0} offences over {r.Years} years ÷ {r.Population:#,0} residents (ONS mid-{r.PopulationYear}) × 100,000 = {r.Per100k:0.0} per 100,000 over the {r.Years} years, about {r.PerYearPer100k:0.0} a year."),
            string.Create(Inv, $"The population is one count at 30 June {r.PopulationYear}, the offences are spread over {r.Years} years: the rate is a sense of scale, not a risk to residents, and a rate over {r.Years} years is not comparable with a yearly rate."),
            "Residents are not users of the app: offences are counted where they were recorded, and victims and offenders need not live in the force area.",
        ];
    }

    /// <summary>The verdicts that are "consistent", and how many rest only on the article's own figures (no force answer behind them).</summary>
    public static (int Consistent, int ArticleOnly) ConsistentBases(Findings study)
    {
        var consistent = study.Verdicts.Where(v => v.Kind == VerdictKind.Consistent).ToList();
        return (consistent.Count, consistent.Count(v => !v.Basis.Contains("force_response", StringComparison.Ordinal)));
    }

    /// <summary>What "consistent" means here, in one sentence with the study's own count.</summary>
    public static string ConsistentSentence(Findings study)
    {
        var (all, articleOnly) = ConsistentBases(study);
        return $"{all} claim(s) are consistent; {articleOnly} of them were checked only against the figures of the article that makes them (its other sentences, or a transcript of the same article), never against a force's answer: consistent means the article does not contradict itself, not that the figure is right.";
    }

    /// <summary>
    /// What each national figure the press printed would require of the forces not seen: the average each of
    /// them would need, beside the known forces' own totals. Requirements are arithmetic, not data: drawn grey.
    /// </summary>
    public static GenericChart NationalRequirement(Findings study)
    {
        var n = study.National;
        var known = study.Profiles.Where(p => p.Total is not null).OrderByDescending(p => p.Total).ToList();
        var others = n.TerritorialForces - n.KnownForces;
        var keys = known.Select(p => PlotlyText.Encode(p.Force.OfficialName)).ToList();
        var values = known.Select(p => (decimal)p.Total!.Value).ToList();
        var data = CsChart.Bar<decimal, string, string>(values: values.ToArray(), Keys: keys.ToArray(), Name: "known totals (as printed)", UseDefaults: false);
        data = ChartStyle.WithTraceProperties(data, ("texttemplate", "%{x:,.0f}"), ("textposition", "outside"), ("cliponaxis", false));
        var needs = n.Printed.Select(p => (Key: PlotlyText.Encode(string.Create(Inv, $"needed of each of the other {others} for 'more than {p.AtLeast:#,0}'")),
            Value: Math.Round(n.AveragePerOtherForceFor(p.AtLeast)))).ToList();
        var charts = new List<GenericChart> { data };
        if (needs.Count > 0)
        {
            var need = CsChart.Bar<decimal, string, string>(values: needs.Select(x => x.Value).ToArray(), Keys: needs.Select(x => x.Key).ToArray(),
                Name: "average needed (arithmetic, not data)", UseDefaults: false);
            need = ChartStyle.WithTraceProperties(need, ("texttemplate", "%{x:,.0f}"), ("textposition", "outside"), ("cliponaxis", false),
                ("marker", GreyMarker()));
            charts.Add(need);
        }
        var chart = ChartStyle.Apply(CsChart.Combine(charts.ToArray()));
        // Horizontal bars are drawn bottom-up: the largest known total first, the requirements at the bottom.
        chart = ChartStyle.CategoryAxis(chart, "yaxis", "", needs.Select(x => x.Key).Reverse().Concat(Enumerable.Reverse(keys)).ToArray());
        chart = ChartStyle.WithAxis(chart, "xaxis", ("title", ChartStyle.AxisTitle($"Offences over {NumberOfYears(study)}")), ("rangemode", "tozero"));
        chart = ChartStyle.WithTitle(chart, "What each national figure would require of the forces not seen",
            string.Create(Inv, $"{n.KnownForces} of {n.TerritorialForces} territorial forces have a known total ({n.KnownTotal:#,0} between them)"));
        return ChartStyle.WithNotes(chart, [], "Grey bars are arithmetic: (national figure - known total) ÷ forces not seen. Known totals are as printed, mostly by newspapers, on different year bases; not like-for-like.");
    }

    private static DynamicObj.DynamicObj GreyMarker()
    {
        var m = new DynamicObj.DynamicObj();
        m.SetProperty("color", ChartStyle.NotDataColor);
        return m;
    }

    private static string NumberOfYears(Findings study) => $"{study.Periods.Years.Count} years";

    private static decimal Pct(long from, long to) => Math.Round((to - from) * 100m / from, 1);
}
