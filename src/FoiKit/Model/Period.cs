using System.Globalization;

namespace FoiKit.Model;

/// <summary>How a period's dates were chosen.</summary>
public enum PeriodBasis
{
    /// <summary>1 April to 31 March.</summary>
    FinancialYear,
    /// <summary>6 April to 5 April (what the Legal Expert request asked for).</summary>
    TaxYear,
    /// <summary>1 January to 31 December.</summary>
    CalendarYear,
    /// <summary>Several years, e.g. "in the last three years".</summary>
    MultiYear,
    /// <summary>Anything else, including wording whose dates cannot be known ("the following year").</summary>
    Other,
}

/// <summary>Contract spellings of <see cref="PeriodBasis"/>.</summary>
public static class PeriodBasisNames
{
    public static string ToContract(this PeriodBasis value) => ContractNames<PeriodBasis>.Of(value);

    public static bool TryParse(string? text, out PeriodBasis basis) => ContractNames<PeriodBasis>.TryParse(text, PeriodBasis.Other, out basis);
}

/// <summary>The values of <see cref="Period.BasisSource"/>.</summary>
public static class PeriodBasisSources
{
    /// <summary>The label fixed its own dates ("6th Apr 2021 to 5th Apr 2022", "FY21/22", "2021").</summary>
    public const string Label = "label";

    /// <summary>The label gives no day and the source states no basis: the request's basis was used.</summary>
    public const string Request = "request";

    /// <summary>The prefix of a basis the source states: <c>stated: caption of table 1 ('financial year')</c>.</summary>
    public const string StatedPrefix = "stated: ";
}

/// <summary>
/// An April-to-April year, labelled the UK way ("2021/22"). Both the 1 April and the 6 April
/// bases map to the same label, which is what lets forces on different bases be lined up.
/// </summary>
public readonly record struct FinancialYear(int StartYear) : IComparable<FinancialYear>
{
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{StartYear}/{(StartYear + 1) % 100:00}");

    public DateOnly Start(PeriodBasis basis) => new(StartYear, 4, basis == PeriodBasis.TaxYear ? 6 : 1);

    public DateOnly End(PeriodBasis basis) => basis == PeriodBasis.TaxYear
        ? new DateOnly(StartYear + 1, 4, 5)
        : new DateOnly(StartYear + 1, 3, 31);

    public FinancialYear Next => new(StartYear + 1);

    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    public override string ToString() => Label;

    /// <summary>Parses the kit's own label form "2021/22" (as used in request definitions).</summary>
    public static bool TryParseLabel(string? text, out FinancialYear year)
    {
        year = default;
        if (text is null) return false;
        var t = text.Trim();
        if (t.Length == 7 && t[4] == '/'
            && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && int.TryParse(t.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var end2)
            && (start + 1) % 100 == end2)
        {
            year = new FinancialYear(start);
            return true;
        }
        return false;
    }
}

/// <summary>A period as printed, with what the kit could work out about its dates.</summary>
/// <param name="Label">The label exactly as printed.</param>
/// <param name="Start">First day, when known.</param>
/// <param name="End">Last day (inclusive), when known.</param>
/// <param name="Basis">How the dates run.</param>
/// <param name="Note">Why the period was read this way, when that took an assumption (empty otherwise).</param>
public sealed record Period(string Label, DateOnly? Start, DateOnly? End, PeriodBasis Basis, string Note = "")
{
    /// <summary>
    /// What decided the basis of the dates (the tidy extension column <c>period_basis_source</c>): <c>label</c>
    /// (the label itself: explicit dates, "FY", a calendar year), <c>stated: …</c> (a label that gives no day
    /// took the basis its source states, named with where and in what words), <c>request</c> (the source
    /// states none, so the request's basis); empty when the period has no dates. See <see cref="PeriodBasisSources"/>.
    /// </summary>
    public string BasisSource { get; init; } = "";

    /// <summary>The April-to-April year this period is, on either basis; null when it is not one.</summary>
    public FinancialYear? FinancialYear =>
        Start is { } s && End is { } e && (Basis is PeriodBasis.FinancialYear or PeriodBasis.TaxYear)
        && s.Month == 4 && e.Year == s.Year + 1
            ? new FinancialYear(s.Year)
            : null;

    /// <summary>True when the dates are known.</summary>
    public bool HasDates => Start is not null && End is not null;

    /// <summary>A period label with no dates (relative or unrecognised wording).</summary>
    public static Period Undated(string label, PeriodBasis basis = PeriodBasis.Other, string note = "") =>
        new(label, null, null, basis, note);

    public static Period OfFinancialYear(string label, FinancialYear year, PeriodBasis basis, string note = "") =>
        new(label, year.Start(basis), year.End(basis), basis, note);
}
