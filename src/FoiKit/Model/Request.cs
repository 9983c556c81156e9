namespace FoiKit.Model;

/// <summary>What one question of an FOI request measured (contract §2).</summary>
/// <param name="Id">Question id as in the request ("1", "1a").</param>
/// <param name="Measure">Offences or outcomes.</param>
/// <param name="By">"period" or "category".</param>
/// <param name="Periods">The periods asked for (by-period questions).</param>
/// <param name="Period">The single period a by-category question covers.</param>
/// <param name="RequestedBasis">The year basis the request asked for, if it said.</param>
/// <param name="Wording">Free text describing the question (optional).</param>
public sealed record QuestionDefinition(
    string Id,
    Measure Measure,
    string By,
    IReadOnlyList<FinancialYear> Periods,
    FinancialYear? Period,
    PeriodBasis? RequestedBasis,
    string Wording);

/// <summary>An FOI request definition (contract §2, with the optional fields below).</summary>
public sealed record RequestDefinition(
    string Id,
    string Requester,
    string Sent,
    string Subject,
    IReadOnlyDictionary<string, QuestionDefinition> Questions,
    string SourceFile)
{
    /// <summary>
    /// For a request about records that mention a word: the word(s) forces were asked to find
    /// (<c>keywords</c>; may be empty).
    /// </summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>
    /// A sentence said wherever forces' figures are added up or compared, on how far they can be
    /// (<c>comparison_caveat</c>, written by whoever wrote the definition; may be empty).
    /// </summary>
    public string ComparisonCaveat { get; init; } = "";

    /// <summary>The ONS mid-year population to use for rates, when the definition states one (<c>population_year</c>).</summary>
    public int? PopulationYear { get; init; }

    /// <summary>The basis the request asked for, from whichever question states one.</summary>
    public PeriodBasis? RequestedBasis =>
        Questions.Values.Select(q => q.RequestedBasis).FirstOrDefault(b => b is not null);

    /// <summary>Every April-to-April year the request covers, in order.</summary>
    public IReadOnlyList<FinancialYear> AllYears =>
        Questions.Values.SelectMany(q => q.Periods.Concat(q.Period is { } p ? [p] : Array.Empty<FinancialYear>()))
            .Distinct().Order().ToList();
}
