// The first-look computations of a notebook 01, with FoiKit, on a tidy CSV (SYNTHETIC from `foi bench`).
//   dotnet run -c Release bench/compare/notebook01.cs -- /tmp/foi-bench/tidy.csv
// The same steps as notebook01.py beside it (see there); prints one JSON object with timings and results.
#:project ../../src/FoiKit/FoiKit.csproj
#:property PublishAot=false
using System.Diagnostics;
using System.Text.Json;
using FoiKit.Model;
using FoiKit.Present;

var path = args[0];
var clock = Stopwatch.StartNew();
var rows = TidyCsvReader.Read(path).ToList();
var load = clock.Elapsed.TotalSeconds;

clock.Restart();
var statuses = rows.GroupBy(o => o.Value.Status.ToContract()).OrderBy(g => g.Key, StringComparer.Ordinal)
    .ToDictionary(g => g.Key, g => g.LongCount());
var reported = rows.Where(o => o.SourceKind == SourceKind.ForceResponse && o.Value.Status == ValueStatus.Reported).ToList();
var byYear = reported.Where(o => o.Question == "1")
    .GroupBy(o => $"{o.Force.Id}|{o.Period.FinancialYear?.Label ?? ""}")
    .OrderBy(g => g.Key, StringComparer.Ordinal)
    .ToDictionary(g => g.Key, g => g.Sum(o => o.Value.Value ?? 0));
var top = reported.Where(o => o.Question == "1a")
    .GroupBy(o => o.Category.Name.Length > 0 ? o.Category.Name : o.Category.Label)
    .Select(g => (Category: g.Key, Value: g.Sum(o => o.Value.Value ?? 0)))
    .OrderByDescending(x => x.Value).ThenBy(x => x.Category, StringComparer.Ordinal).Take(10)
    .Select(x => new object[] { x.Category, x.Value }).ToList();
var hidden = rows.GroupBy(o => o.Force.Id).OrderBy(g => g.Key, StringComparer.Ordinal)
    .ToDictionary(g => g.Key, g => Math.Round(g.Count(o => o.Value.Status is ValueStatus.Suppressed or ValueStatus.NotAvailable) / (double)g.Count(), 6));
var compute = clock.Elapsed.TotalSeconds;

using var self = Process.GetCurrentProcess();
Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
{
    ["tool"] = "FoiKit " + Environment.Version,
    ["rows"] = rows.Count,
    ["load_s"] = Math.Round(load, 3),
    ["compute_s"] = Math.Round(compute, 3),
    ["peak_memory_mb"] = self.PeakWorkingSet64 / (1024 * 1024),
    ["results"] = new Dictionary<string, object>
    {
        ["statuses"] = statuses,
        ["q1_force_year_sums"] = byYear,
        ["q1a_top10"] = top,
        ["hidden_share"] = hidden,
    },
}, new JsonSerializerOptions { WriteIndented = true }));
