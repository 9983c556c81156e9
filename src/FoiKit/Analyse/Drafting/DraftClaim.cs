namespace FoiKit.Analyse.Drafting;

/// <summary>
/// One row of a draft claims file (contract §9): the columns of a claim (§4) as strings, since a
/// draft is written for a person to check, plus what the reader was unsure of.
/// </summary>
/// <param name="Kind">count, total, growth_pct, rising, most_common, at_least, share or highest.</param>
/// <param name="Value">As printed ("513", "nine", "more than 500", "doubled", "around one third"); empty for rising, most_common and highest.</param>
/// <param name="Text">The sentence as printed.</param>
/// <param name="Note">What the reader was unsure of; empty when nothing.</param>
internal sealed record DraftClaim(
    string ClaimId,
    string ArticleId,
    string Force,
    string Measure,
    string Kind,
    string CategoryLabel,
    string PeriodLabel,
    string Value,
    string Text,
    string Note);

/// <summary>What became of one number (or figure in words) printed in an article: taken into a claim, or left out and why.</summary>
/// <param name="Printed">The number as printed ("513", "nine", "11", "doubled").</param>
/// <param name="Where">The opening words of its sentence or block.</param>
/// <param name="ClaimId">The claim it was taken into; null when left out.</param>
/// <param name="Reason">Why it was left out, or what part of the claim it is ("the period of …-03"); empty when it is the claim's value.</param>
internal sealed record NumberFate(string Printed, string Where, string? ClaimId, string Reason)
{
    public bool Taken => ClaimId is not null;

    /// <summary>One line of <c>--explain</c>.</summary>
    public string Line => Taken
        ? $"{Printed} | {Where} | taken -> {ClaimId}{(Reason.Length > 0 ? $" ({Reason})" : "")}"
        : $"{Printed} | {Where} | left out: {Reason}";
}

/// <summary>A drafted ledger: the claims, and the fate of every number in the article's text.</summary>
internal sealed record ClaimDraft(IReadOnlyList<DraftClaim> Claims, IReadOnlyList<NumberFate> Numbers);
