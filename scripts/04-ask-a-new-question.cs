#!/usr/bin/env -S dotnet run
// Twin of notebooks/04-ask-a-new-question.ipynb as a .NET 10 file-based app (the notebook kernel is
// deprecated): the tidy data as a DataFrame from the library's typed records, filtered, grouped and charted.
//   dotnet run scripts/04-ask-a-new-question.cs        (from the repository root)
#:project ../src/FoiKit.Charts/FoiKit.Charts.csproj
#:project ../src/FoiKit.Notebooks/FoiKit.Notebooks.csproj
#:property PublishAot=false
using System.Globalization;
using FoiKit.Analyse;
using FoiKit.Charts;
using FoiKit.Notebooks;
using FoiKit.Pipeline;
using Microsoft.Data.Analysis;

var study = Study.Load();
var tidy = Frames.Tidy(study.Data.Observations);
Console.WriteLine($"# 4. Ask a new question: {tidy.Rows.Count} tidy rows");

// Question 1: answers to question 1a (2023/24) by Home Office offence group.
var nature = tidy.Filter(tidy["question"].ElementwiseEquals("1a"));
nature = nature.Filter(nature["value_status"].ElementwiseEquals("reported"));
var byGroup = nature.GroupBy("category_group").Sum("value").OrderByDescending("value");
Console.WriteLine(Frames.Text(byGroup));
var groups = byGroup["category_group"].Cast<string>().Select(g => g.Length > 0 ? g : "(not a Home Office category)").ToArray();
var groupTotals = byGroup["value"].Cast<long?>().Select(v => v ?? 0).ToArray();
foreach (var (g, v) in groups.Zip(groupTotals)) Console.WriteLine($"1a group {g}: {v}");

// Question 2: how closely printed category labels match the Home Office lists.
var labelled = tidy.Filter(tidy["category_label"].ElementwiseNotEquals(""));
labelled = labelled.Filter(labelled["value_status"].ElementwiseNotEquals("printed_total"));
var levels = labelled.GroupBy("category_level").Count("category_label").OrderByDescending("category_label");
Console.WriteLine(Frames.Text(levels));
foreach (var row in levels.Rows) Console.WriteLine($"labels at level {row["category_level"]}: {row["category_label"]}");

// Question 3: offences per 100,000 residents in 2023/24 alone.
var latest = study.Profiles.Where(p => p.Years[^1].Value is not null && p.Population is not null)
    .Select(p => new { force = p.Force.OfficialName, offences = p.Years[^1].Value!.Value, population = p.Population!.Value,
        per_100k = Math.Round(p.Years[^1].Value!.Value * 100_000m / p.Population!.Value, 1) })
    .OrderByDescending(r => r.per_100k).ToList();
Console.WriteLine(Frames.Text(Frames.Of(latest)));
foreach (var r in latest) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"2023/24 per 100k {r.force}: {r.per_100k:0.0}"));

var q1 = ChartStyle.WithTitle(ChartStyle.Apply(Plotly.NET.CSharp.Chart.Bar<long, string, string>(values: groupTotals, Keys: groups, UseDefaults: false)),
    "Answers to question 1a (2023/24) by Home Office offence group", "printed figures of every force we have, summed; not a national count");
var q3 = ChartStyle.WithTitle(ChartStyle.Apply(Plotly.NET.CSharp.Chart.Column<decimal, string, string>(
        values: latest.Select(r => r.per_100k).ToArray(), Keys: latest.Select(r => r.force).ToArray(), UseDefaults: false)),
    "Offences per 100,000 residents, 2023/24", "derived: 2023/24 offences ÷ ONS mid-2024 population");
Console.WriteLine($"charts: {ChartOutput.SavePage(Path.Combine(ChartOutput.ScriptsFolder, "04-ask-a-new-question.html"), "4. Ask a new question",
    [("question-1a-by-group", q1, "Question 1a answers by Home Office group."), ("per-100k-2023-24", q3, "Offences per 100,000 residents, 2023/24.")])}");
