#!/usr/bin/env -S dotnet run
// Twin of notebooks/02-across-forces.ipynb as a .NET 10 file-based app (the notebook kernel is
// deprecated): prints the same key figures and writes the same charts.
//   dotnet run scripts/02-across-forces.cs [-- --data <folder> --force <id>]        (from the repository root)
#:project ../src/FoiKit.Charts/FoiKit.Charts.csproj
#:project ../src/FoiKit.Notebooks/FoiKit.Notebooks.csproj
#:property PublishAot=false
using System.Globalization;
using FoiKit.Charts;
using FoiKit.Notebooks;
using FoiKit.Pipeline;

var p = ScriptParameters.Parse(args);
var study = Study.Load(p.Data);
var briefs = ForceBrief.All(study, p.Force);
Console.WriteLine($"# 2. Across forces: {briefs.Count} forces with material");
Console.WriteLine(Frames.Text(Frames.Profiles(study), 24));
Console.WriteLine(Frames.Text(Frames.Of(study.Coverage), 30));

foreach (var profile in study.Profiles.Where(x => x.RatePer100k is not null))
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rate per 100k {profile.Force.Id}: {profile.RatePer100k:0.0}"));
foreach (var profile in study.Profiles.Where(x => x.ChargeRatePct is not null))
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"charge rate {profile.Force.Id}: {profile.ChargeRatePct:0.0}% ({profile.Charges} of {profile.OffencesInChargeYear})"));

foreach (var brief in briefs)
{
    Console.WriteLine();
    Console.WriteLine(brief);
}

var charts = new List<(string, Plotly.NET.GenericChart, string)>
{
    ("offences-by-year", StoryCharts.OffencesByYear(study), "Offences by year where known."),
    ("rates-per-100k", StoryCharts.RatesPer100k(study), "Offences per 100,000 residents (derived)."),
};
charts.AddRange(study.Profiles.Select(x => ($"{x.Force.Id}-offences-by-year", StoryCharts.OffencesByYear(study, x.Force.Id), $"{x.Force.OfficialName}: offences by year.")));
Console.WriteLine($"charts: {ChartOutput.SavePage(Path.Combine(ChartOutput.ScriptsFolder, "02-across-forces.html"), "2. Across forces", charts)}");
