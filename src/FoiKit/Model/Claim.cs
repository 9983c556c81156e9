namespace FoiKit.Model;

/// <summary>What sort of statement a claim is (contract §4).</summary>
public enum ClaimKind
{
    Count,
    Total,
    GrowthPct,
    Rising,
    MostCommon,
    AtLeast,
    /// <summary>This category's part of its measure in that period ("30", "a third", "most").</summary>
    Share,
    /// <summary>That period is the highest of the periods ("a three-year high").</summary>
    Highest,
}

/// <summary>What a claim counts: offences, outcomes, or charges (outcome 1).</summary>
public enum ClaimMeasure
{
    Offences,
    Outcomes,
    Charges,
}

public static class ClaimNames
{
    public static string ToContract(this ClaimKind k) => ContractNames<ClaimKind>.Of(k);

    public static string ToContract(this VerdictKind v) => ContractNames<VerdictKind>.Of(v);

    public static string ToContract(this ClaimMeasure m) => ContractNames<ClaimMeasure>.Of(m);

    public static bool TryParseKind(string text, out ClaimKind kind) => ContractNames<ClaimKind>.TryParse(text, ClaimKind.Count, out kind);

    public static bool TryParseMeasure(string text, out ClaimMeasure measure) => ContractNames<ClaimMeasure>.TryParse(text, ClaimMeasure.Offences, out measure);
}

/// <summary>One figure or statement a publication made (contract §4).</summary>
/// <param name="Value">
/// The figure the value's words state ("73" and "73%" give 73, "more than 500" gives 500, "nine" gives 9,
/// "doubled" gives 100); null when no value is needed (rising, most_common, highest) or it cannot be read.
/// </param>
/// <param name="ValueText">The value cell as printed, trimmed ("more than 140,000", "73%", "three"): its words and precision decide what it allows.</param>
public sealed record Claim(
    string ClaimId,
    string ArticleId,
    string Force,
    ClaimMeasure Measure,
    ClaimKind Kind,
    string CategoryLabel,
    string PeriodLabel,
    decimal? Value,
    string ValueText,
    string Text,
    string SourceFile,
    int SourceRow)
{
    /// <summary>True for a claim about the whole of England and Wales (the claims reader sets it from the printed force).</summary>
    public bool IsNational { get; init; }

    /// <summary>
    /// Why the value cell cannot be read ("'lots' cannot be read as a value: …"); null when it was read or
    /// none is needed. A claim with a value it cannot read is kept and judged ambiguous, with this reason.
    /// </summary>
    public string? ValueProblem { get; init; }
}
