using FoiKit.Model;

namespace FoiKit.Analyse;

/// <summary>Questions the notebooks ask of a <see cref="Findings"/>, kept here so notebooks, scripts and tests share them.</summary>
public static class StudyQuestions
{
    /// <summary>How much of a force's year a printed breakdown accounts for.</summary>
    public static BreakdownGap Gap(this Findings study, string forceId, Measure measure, FinancialYear year)
    {
        var profile = study.Profile(forceId);
        var parts = study.Breakdown(profile.Force.Id, measure, year);
        var printedTotal = study.Checker.Figures.FirstOrDefault(f => f.ForceId == profile.Force.Id && f.Measure == measure
            && f.IsTotal && !f.Category.IsNone && f.Covers(year) && f.Value is not null)?.Value;
        CountRange? offences = null;
        var basis = "";
        var index = profile.Years.ToList().FindIndex(y => y.Year == year);
        if (index >= 0 && profile.Years[index].Value is { } v)
        {
            offences = new CountRange(v, v);
            basis = profile.Years[index].Basis;
        }
        else if (index >= 0 && study.YearBounds(profile.Force.Id) is { Solutions: > 0 } bounds)
        {
            offences = bounds.PerYear[index];
            basis = "bounds from the printed total, rise and 'rising', not data";
        }
        // Categories that may overlap (a label that is no Home Office category beside ones it may hold) cover a range.
        var union = CategoryOverlap.Of(parts);
        return new BreakdownGap(profile.Force.Id, measure, year, parts, union.Max, parts.Count(p => p.Value is null), printedTotal, offences, basis)
        {
            PartsMin = union.Min,
            OverlapNote = union.Why,
        };
    }

    /// <summary>The year of the request's by-category question for a measure (2023/24 for this request), else the latest year.</summary>
    public static FinancialYear BreakdownYear(this Findings study, Measure measure) =>
        study.Request.Questions.Values.Where(q => q.Measure == measure && q.Period is not null).Select(q => q.Period!.Value)
            .DefaultIfEmpty(study.Periods.Latest).First();
}
