using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Analyse;

/// <summary>What a period's wording refers to among the request's years.</summary>
/// <param name="Years">The request years it covers (one, several, or none when unknown).</param>
/// <param name="Note">Loose wording named for the reader ("'2021' printed for 2021/22"); empty when the wording says what it means.</param>
/// <param name="Problem">Why it could not be resolved to one thing; null when it was.</param>
internal sealed record ResolvedPeriod(IReadOnlyList<FinancialYear> Years, string Note, string? Problem)
{
    /// <summary>The reading in words ("'since 2021/22' read as 2021/22 to 2023/24, …"); empty when unresolved.</summary>
    public string Name { get; init; } = "";

    public bool Ok => Problem is null && Years.Count > 0;

    public bool IsSingle => Ok && Years.Count == 1;

    public string Label => Years.Count switch
    {
        0 => "",
        1 => Years[0].Label,
        _ => $"{Years[0].Label} to {Years[^1].Label}",
    };

    /// <summary>For a verdict's note: the loose-wording note, else the reading's name, else the problem.</summary>
    public string Named => Problem ?? (Note.Length > 0 ? Note : Name);
}

/// <summary>
/// The request's April-to-April years, and press and FOI period wording read against them ("2021",
/// "the following year", "this year so far", "since 2021/22", "in the three years to March 2024").
/// The reading is <see cref="PeriodWording"/>'s grammar; this holds what it is read against (the
/// request's years and basis), so the checker, the evidence and the notebooks read wording alike.
/// Wording that fits two things is a problem, never a guess.
/// </summary>
public sealed class RequestPeriods
{
    public RequestPeriods(IReadOnlyList<FinancialYear> years, PeriodBasis? basis)
    {
        if (years.Count == 0) throw new ArgumentException("a request with no years", nameof(years));
        Years = years.Order().ToList();
        Basis = basis;
    }

    public IReadOnlyList<FinancialYear> Years { get; }

    public PeriodBasis? Basis { get; }

    public FinancialYear Latest => Years[^1];

    public static RequestPeriods Of(RequestDefinition request) => new(request.AllYears, request.RequestedBasis);

    /// <summary>True when the wording names no period.</summary>
    internal static bool IsUnstated(string label) => PeriodWording.IsUnstated(label);

    /// <summary>Resolves one label.</summary>
    /// <param name="label">As printed.</param>
    /// <param name="previous">The year of the figure printed just before (for "the following year").</param>
    /// <param name="published">When the piece was published, if known ("last year" and "this year" count from it).</param>
    internal ResolvedPeriod Resolve(string label, FinancialYear? previous = null, DateOnly? published = null)
    {
        var r = PeriodWording.Read(label ?? "", new PeriodContext(Years, Basis, previous, published));
        // Every reading is named for a verdict's note, except the request's own label of its year ("2023/24").
        return r.Ok
            ? new ResolvedPeriod(r.Years, r.LooseNote, null) { Name = (label ?? "").Trim() == r.Label ? "" : r.Name }
            : new ResolvedPeriod([], "", r.Problem ?? $"the wording '{label}' cannot be matched to the request's years");
    }
}
