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
/// <param name="Value">The number as printed ("73" for 73%), null for rising / most_common.</param>
/// <param name="ValueText">The value cell as written (keeps the printed precision of percentages).</param>
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
}
