using System.Globalization;

namespace FoiKit.Analyse;

/// <summary>A national total as printed, and which articles printed it.</summary>
public sealed record PrintedNational(long AtLeast, IReadOnlyList<string> Articles);

/// <summary>
/// What the known forces say about the national totals. The scaled figures are illustrations of
/// "if every force recorded at this rate", never estimates presented as data.
/// </summary>
public sealed record NationalPicture(int KnownForces, int TerritorialForces, long KnownTotal, long Population, int PopulationYear,
    decimal? LowestRatePer100k, decimal? HighestRatePer100k, IReadOnlyList<PrintedNational> Printed)
{
    /// <summary>Three-year national count if every force recorded at the lowest known rate (illustration).</summary>
    public long? IfAllAtLowestRate => LowestRatePer100k is { } r ? (long)Math.Round(r * Population / 100_000m) : null;

    /// <summary>Three-year national count if every force recorded at the highest known rate (illustration).</summary>
    public long? IfAllAtHighestRate => HighestRatePer100k is { } r ? (long)Math.Round(r * Population / 100_000m) : null;

    /// <summary>Average each other force would need for a printed national figure.</summary>
    public decimal AveragePerOtherForceFor(long national) =>
        TerritorialForces > KnownForces ? Math.Max(0, national - KnownTotal) / (decimal)(TerritorialForces - KnownForces) : 0;

    public string Describe(long national) => string.Create(CultureInfo.InvariantCulture,
        $"more than {national:#,0} needs the other {TerritorialForces - KnownForces} forces to average more than {AveragePerOtherForceFor(national):#,0} each");
}
