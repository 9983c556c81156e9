namespace FoiKit.Model;

/// <summary>A verdict (contract §4).</summary>
public enum VerdictKind
{
    Reproduced,
    Consistent,
    Contradicted,
    NotCheckable,
    Ambiguous,
}

/// <summary>One verdict row (contract §4).</summary>
public sealed record Verdict(string ClaimId, VerdictKind Kind, string Claimed, string Computed, string Basis, string Note);
