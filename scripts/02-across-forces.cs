#!/usr/bin/env -S dotnet run
// Twin of notebooks/02-across-forces.ipynb as a .NET 10 file-based app (the notebook kernel is
// deprecated): prints the same key figures and writes the same charts.
//   dotnet run scripts/02-across-forces.cs        (from the repository root)
#:project ../src/FoiKit.Charts/FoiKit.Charts.csproj
#:project ../src/FoiKit.Notebooks/FoiKit.Notebooks.csproj
#:property PublishAot=false
using System.Globalization;
using FoiKit.Analyse;
using FoiKit.Charts;
using FoiKit.Notebooks;
using FoiKit.Pipeline;

var study = Study.Load();
var forces = study.Coverage.Select(c => c.ForceId).Distinct().ToList();
Console.WriteLine($"# 2. Across forces: {forces.Count} forces with material");
Console.WriteLine(Frames.Text(Frames.Profiles(study), 24, "force", "source", "2021/22", "2022/23", "2023/24", "total", "growth_pct", "rising", "rate_per_100k", "charge_rate_pct"));
Console.WriteLine(Frames.Text(Frames.Of(study.Coverage), 30, "ForceId", "Kind", "SourceFile", "HasYearly", "HasTotal", "HasOffenceBreakdown", "HasOutcomeBreakdown", "Truncated", "Figures"));

foreach (var p in study.Profiles.Where(p => p.RatePer100k is not null))
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rate per 100k {p.Force.Id}: {p.RatePer100k:0.0}"));
foreach (var p in study.Profiles.Where(p => p.ChargeRatePct is not null))
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"charge rate {p.Force.Id}: {p.ChargeRatePct:0.0}% ({p.Charges} of {p.OffencesInChargeYear})"));

foreach (var id in forces)
{
    Console.WriteLine();
    Console.WriteLine(ForceBrief.Of(study, id));
}

var charts = new List<(string, Plotly.NET.GenericChart, string)>
{
    ("offences-by-year", StoryCharts.OffencesByYear(study), "Offences by year where known."),
    ("rates-per-100k", StoryCharts.RatesPer100k(study), "Offences per 100,000 residents (derived)."),
};
charts.AddRange(study.Profiles.Select(p => ($"{p.Force.Id}-offences-by-year", StoryCharts.OffencesByYear(study, p.Force.Id), $"{p.Force.OfficialName}: offences by year.")));
Console.WriteLine($"charts: {ChartOutput.SavePage(Path.Combine(ChartOutput.ScriptsFolder, "02-across-forces.html"), "2. Across forces", charts)}");
