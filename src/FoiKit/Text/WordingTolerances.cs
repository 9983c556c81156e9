using System.Globalization;
using FoiKit.Model;

namespace FoiKit.Text;

/// <summary>How a tolerance turns a stated value into the interval it allows.</summary>
internal enum ToleranceRule
{
    /// <summary>The value itself; a percentage, or a figure with a scale word, to its printed precision.</summary>
    Exact,
    /// <summary>Below the value by up to the percentage, never at or above it ("nearly").</summary>
    BelowWithin,
    /// <summary>Above the value by up to the percentage ("just over").</summary>
    AboveWithin,
    /// <summary>Within the percentage either side ("around", a multiple, a fraction in words).</summary>
    Around,
    /// <summary>Strictly above ("more than").</summary>
    Above,
    /// <summary>At or above ("at least").</summary>
    AtLeast,
    /// <summary>Strictly below ("fewer than").</summary>
    Below,
    /// <summary>At or below ("up to").</summary>
    AtMost,
    /// <summary>At least two of a unit and below the next unit ("hundreds": 200 to 999).</summary>
    Plural,
}

/// <summary>One row of the tolerance table: the words it covers, its rule and its width.</summary>
/// <param name="Key">The row's name in docs/wording.md.</param>
/// <param name="Words">The words as the table lists them; "N or more" marks a word printed after the number.</param>
/// <param name="Rule">How the interval is made.</param>
/// <param name="Percent">The width, as a percentage of the stated value (0 where the rule has none).</param>
internal sealed record WordingTolerance(string Key, IReadOnlyList<string> Words, ToleranceRule Rule, decimal Percent)
{
    /// <summary>What the rule allows, in words, for a verdict's note ("up to 10% below, never at or above").</summary>
    public string Says => Rule switch
    {
        ToleranceRule.Exact => "exactly; a percentage, or a figure with a scale word, to its printed precision",
        ToleranceRule.BelowWithin => $"up to {P}% below, never at or above",
        ToleranceRule.AboveWithin => $"above, by up to {P}%",
        ToleranceRule.Around => $"within {P}% either side",
        ToleranceRule.Above => "strictly above",
        ToleranceRule.AtLeast => "at or above",
        ToleranceRule.Below => "strictly below",
        ToleranceRule.AtMost => "at or below",
        _ => "at least two of the unit, below the next unit",
    };

    private string P => Percent.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Words printed before the number ("nearly"), longest first so "more than" wins over "more".</summary>
    internal IEnumerable<string> Prefixes => Words.Where(w => !w.StartsWith("N ", StringComparison.Ordinal));

    /// <summary>Words printed after the number ("or more"), without the "N ".</summary>
    internal IEnumerable<string> Suffixes => Words.Where(w => w.StartsWith("N ", StringComparison.Ordinal)).Select(w => w[2..]);
}

/// <summary>
/// The one table of tolerances for approximate wording. docs/wording.md prints the same table
/// with a line of reasoning per row, and a test reads that table and compares it with this one,
/// so the two cannot drift apart.
/// </summary>
internal static class WordingTolerances
{
    public static WordingTolerance Exact { get; } = new("exact", ["(a number as printed)"], ToleranceRule.Exact, 0);

    public static WordingTolerance Nearly { get; } = new("nearly",
        ["nearly", "almost", "not quite", "close to", "approaching"], ToleranceRule.BelowWithin, 10);

    public static WordingTolerance JustUnder { get; } = new("just_under",
        ["just under", "just below", "slightly under", "slightly below", "slightly fewer than", "slightly less than", "a little under", "a little less than"],
        ToleranceRule.BelowWithin, 5);

    public static WordingTolerance Around { get; } = new("around",
        ["around", "about", "approximately", "approx", "roughly", "some", "circa", "c", "an estimated", "estimated", "in the region of", "more or less", "N or so"],
        ToleranceRule.Around, 10);

    public static WordingTolerance JustOver { get; } = new("just_over",
        ["just over", "just above", "slightly over", "slightly above", "slightly more than", "a little over", "a little more than"],
        ToleranceRule.AboveWithin, 5);

    public static WordingTolerance MoreThan { get; } = new("more_than",
        ["more than", "over", "above", "in excess of", "upwards of", "exceeding", "greater than", "well over", "well above"], ToleranceRule.Above, 0);

    public static WordingTolerance AtLeast { get; } = new("at_least",
        ["at least", "no fewer than", "no less than", "not less than", "a minimum of", "N or more", "N plus", "N+"], ToleranceRule.AtLeast, 0);

    public static WordingTolerance Under { get; } = new("under",
        ["under", "fewer than", "less than", "below"], ToleranceRule.Below, 0);

    public static WordingTolerance UpTo { get; } = new("up_to",
        ["up to", "no more than", "not more than", "at most", "a maximum of", "N or fewer", "N or less"], ToleranceRule.AtMost, 0);

    public static WordingTolerance Multiple { get; } = new("multiple",
        ["doubled", "double", "doubling", "twice", "two-fold", "tripled", "trebled", "triple", "treble", "three-fold", "quadrupled", "four-fold", "halved", "N times", "N-fold"],
        ToleranceRule.Around, 10);

    public static WordingTolerance Fraction { get; } = new("fraction",
        ["half", "a third", "one third", "two thirds", "a quarter", "three quarters", "a fifth", "a tenth", "one in N"], ToleranceRule.Around, 10);

    public static WordingTolerance Majority { get; } = new("majority",
        ["most", "the majority", "a majority", "majority"], ToleranceRule.Above, 0);

    public static WordingTolerance Plural { get; } = new("plural",
        ["dozens", "hundreds", "thousands", "tens of thousands", "hundreds of thousands"], ToleranceRule.Plural, 0);

    /// <summary>Every row, in the order docs/wording.md prints them.</summary>
    public static IReadOnlyList<WordingTolerance> All { get; } =
        [Exact, Nearly, JustUnder, Around, JustOver, MoreThan, AtLeast, Under, UpTo, Multiple, Fraction, Majority, Plural];

    /// <summary>The qualifier rows, whose words stand before or after a number.</summary>
    internal static IReadOnlyList<WordingTolerance> Qualifiers { get; } = [Nearly, JustUnder, Around, JustOver, MoreThan, AtLeast, Under, UpTo];

    public static string ToContract(this ToleranceRule rule) => ContractNames<ToleranceRule>.Of(rule);
}
