using System.Globalization;
using FoiKit.Text;

namespace FoiKit.Reference;

/// <summary>ONS mid-year resident population of one police force area.</summary>
public sealed record ForcePopulation(string ForceId, int MidYear, long Population, string Status, string Source);

/// <summary>Force-area populations from <c>force_population.csv</c> (sums of ONS LAD estimates).</summary>
public sealed class PopulationTable
{
    private readonly Dictionary<(string, int), ForcePopulation> _rows;

    public PopulationTable(IReadOnlyList<ForcePopulation> rows)
    {
        Rows = rows;
        _rows = rows.ToDictionary(r => (r.ForceId, r.MidYear));
    }

    public IReadOnlyList<ForcePopulation> Rows { get; }

    public ForcePopulation? Find(string forceId, int midYear) => _rows.GetValueOrDefault((forceId, midYear));

    public static PopulationTable Load(string path)
    {
        var csv = CsvFile.Load(path);
        var rows = new List<ForcePopulation>();
        foreach (var r in csv.Rows)
        {
            // BTP has no resident population: its row has no year or count and is left out here.
            if (!int.TryParse(csv.Get(r, "mid_year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year)) continue;
            if (!long.TryParse(csv.Get(r, "population"), NumberStyles.None, CultureInfo.InvariantCulture, out var pop)) continue;
            rows.Add(new ForcePopulation(csv.Get(r, "force_id"), year, pop, csv.Get(r, "status"), csv.Get(r, "source")));
        }
        return new PopulationTable(rows);
    }
}
