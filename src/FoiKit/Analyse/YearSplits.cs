using System.Globalization;
using FoiKit.Text;

namespace FoiKit.Analyse;

/// <summary>The range one unknown figure can take.</summary>
public readonly record struct CountRange(long Min, long Max)
{
    public override string ToString() => Min == Max
        ? Min.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Min}-{Max}");
}

/// <summary>Every whole-number yearly split consistent with what was printed, summarised.</summary>
/// <param name="Total">The printed total.</param>
/// <param name="GrowthPct">The figure the printed rise states (73 for "73%", 100 for "doubled"), if any.</param>
/// <param name="Rising">Whether every year was said to be above the one before.</param>
/// <param name="Solutions">How many splits fit.</param>
/// <param name="PerYear">The range of each year over those splits (empty when none fit).</param>
/// <param name="Examples">A few of the splits (lowest first year first).</param>
public sealed record SplitBounds(long Total, decimal? GrowthPct, bool Rising, long Solutions, IReadOnlyList<CountRange> PerYear, IReadOnlyList<long[]> Examples)
{
    /// <summary>The rise's wording when it is not a bare percentage ("doubled", "around 70%"); empty for a bare one.</summary>
    public string GrowthWording { get; init; } = "";

    /// <summary>The rise as printed, for notes: "73%" (its decimals kept), or its wording ("doubled").</summary>
    public string GrowthText => GrowthWording.Length > 0 ? GrowthWording
        : GrowthPct is { } g ? g.ToString(System.Globalization.CultureInfo.InvariantCulture) + "%" : "";

    public string Describe(IReadOnlyList<string> yearLabels)
    {
        if (Solutions == 0) return "no whole-number split fits all the printed figures";
        var parts = PerYear.Select((r, i) => $"{(i < yearLabels.Count ? yearLabels[i] : $"year {i + 1}")} {r}");
        return string.Create(CultureInfo.InvariantCulture, $"{Solutions} whole-number splits fit; {string.Join(", ", parts)}");
    }
}

/// <summary>
/// Bounds what cannot be known: where a total, a rise and "rising" are printed without yearly
/// figures, enumerates every whole-number split that fits them. The splits are possibilities,
/// never data.
/// </summary>
internal static class YearSplits
{
    /// <summary>Largest total enumerated with a printed rise (the work grows with it).</summary>
    public const long MaxTotal = 1_000_000;

    /// <summary>Largest three-year total enumerated with no printed rise (that work grows with its square).</summary>
    public const long MaxTotalWithoutRise = 20_000;

    /// <param name="total">Printed total over the years.</param>
    /// <param name="years">How many years (2 or 3).</param>
    /// <param name="growthPct">Printed rise from first to last year, in percent, or null.</param>
    /// <param name="growthDecimals">Decimals the rise was printed with (0 for "73%"): it is compared at that precision.</param>
    /// <param name="strictlyRising">Each year above the one before.</param>
    public static SplitBounds Enumerate(long total, int years, decimal? growthPct, int growthDecimals, bool strictlyRising)
    {
        if (growthPct is not { } g) return Enumerate(total, years, null, null, strictlyRising, null);
        var half = 0.5m * (decimal)Math.Pow(10, -growthDecimals);
        // Rounded half away from zero: 73 is 72.5 to under 73.5; -73 is over -73.5 to -72.5.
        var band = g > 0 ? new ValueInterval(g - half, true, g + half, false)
            : g < 0 ? new ValueInterval(g - half, false, g + half, true)
            : new ValueInterval(-half, false, half, false);
        return Enumerate(total, years, band, g, strictlyRising, null);
    }

    /// <summary>As above, with the rise as the value grammar read it ("73%", "doubled", "around 70 per cent").</summary>
    public static SplitBounds Enumerate(long total, int years, ValueReading growth, bool strictlyRising)
    {
        ArgumentNullException.ThrowIfNull(growth);
        var bare = growth.Tolerance == WordingTolerances.Exact && !growth.Printed.Any(char.IsLetter);
        return Enumerate(total, years, growth.Allowed, growth.Stated, strictlyRising, bare ? null : growth.Printed);
    }

    private static SplitBounds Enumerate(long total, int years, ValueInterval? growth, decimal? stated, bool strictlyRising, string? wording)
    {
        if (years is < 2 or > 3) throw new ArgumentOutOfRangeException(nameof(years), "2 or 3 years");
        if (total < 0 || total > MaxTotal) throw new ArgumentOutOfRangeException(nameof(total), $"0 to {MaxTotal}");
        if (growth is null && years == 3 && total > MaxTotalWithoutRise)
            throw new ArgumentOutOfRangeException(nameof(total), $"without a printed rise, totals up to {MaxTotalWithoutRise} are enumerated");
        var mins = Enumerable.Repeat(long.MaxValue, years).ToArray();
        var maxs = Enumerable.Repeat(long.MinValue, years).ToArray();
        long count = 0;
        var examples = new List<long[]>();

        bool Fits(long first, long last)
        {
            if (growth is not { } g) return true;
            if (first == 0) return false;
            return g.Contains((decimal)(last - first) * 100m / first);
        }

        void Record(long[] split)
        {
            count++;
            for (var i = 0; i < split.Length; i++)
            {
                mins[i] = Math.Min(mins[i], split[i]);
                maxs[i] = Math.Max(maxs[i], split[i]);
            }
            if (examples.Count < 5) examples.Add((long[])split.Clone());
        }

        for (long a = 0; a <= total; a++)
        {
            if (years == 2)
            {
                var b = total - a;
                if ((!strictlyRising || a < b) && Fits(a, b)) Record([a, b]);
                continue;
            }
            // With a printed rise the last year is pinned near first × (1 + rise): only the candidates
            // inside the rise's interval are tested per first year, so large totals stay cheap.
            long cFrom = 0, cTo = total - a;
            if (growth is { } g)
            {
                if (a == 0) continue;
                if (g.Low is { } lo) cFrom = Math.Max(cFrom, (long)Math.Floor(a * (1 + lo / 100m)) - 1);
                if (g.High is { } hi) cTo = Math.Min(cTo, (long)Math.Ceiling(a * (1 + hi / 100m)) + 1);
            }
            for (var c = cFrom; c <= cTo; c++)
            {
                var b = total - a - c;
                if (strictlyRising && !(a < b && b < c)) continue;
                if (Fits(a, c)) Record([a, b, c]);
            }
        }
        var per = count == 0 ? [] : mins.Zip(maxs, (lo, hi) => new CountRange(lo, hi)).ToList();
        return new SplitBounds(total, stated, strictlyRising, count, per, examples) { GrowthWording = wording ?? "" };
    }

    /// <summary>How much of a total (or range of totals) a printed breakdown leaves unaccounted for.</summary>
    public static CountRange Unaccounted(CountRange total, long partsSum) => Unaccounted(total, partsSum, partsSum);

    /// <summary>
    /// As above, for parts that may overlap: together they cover <paramref name="partsMin"/> to <paramref name="partsMax"/>,
    /// so the least left over is the smallest total less the most the parts can cover, the most left over the largest total
    /// less the fewest.
    /// </summary>
    public static CountRange Unaccounted(CountRange total, long partsMin, long partsMax) =>
        new(Math.Max(0, total.Min - partsMax), Math.Max(0, total.Max - partsMin));

    /// <summary>The number of decimals a printed number has ("73" → 0, "137.8" → 1).</summary>
    public static int DecimalsOf(string printed)
    {
        var i = printed.IndexOf('.', StringComparison.Ordinal);
        return i < 0 ? 0 : printed.Length - i - 1;
    }
}
