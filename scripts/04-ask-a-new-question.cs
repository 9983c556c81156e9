#!/usr/bin/env -S dotnet run
// Twin of notebooks/04-ask-a-new-question.ipynb as a .NET 10 file-based app (the notebook kernel is
// deprecated): sums within one source and one period, missing figures kept missing, charts with their caveats.
//   dotnet run scripts/04-ask-a-new-question.cs [-- --data <folder>]        (from the repository root)
#:project ../src/FoiKit.Charts/FoiKit.Charts.csproj
#:project ../src/FoiKit.Notebooks/FoiKit.Notebooks.csproj
#:property PublishAot=false
using System.Globalization;
using FoiKit.Charts;
using FoiKit.Notebooks;
using FoiKit.Pipeline;
using Microsoft.Data.Analysis;

var p = ScriptParameters.Parse(args);
var study = Study.Load(p.Data);
var tidy = Frames.Tidy(study.Data.Observations);
Console.WriteLine($"# 4. Ask a new question: {tidy.Rows.Count} tidy rows");

// Question 1: what each source printed for question 1a, by Home Office offence group, each source and period apart.
var byGroup = SourceSums.Within(study.Data.Observations.Where(o => o.Question == "1a"), o => o.Category.Group);
foreach (var s in byGroup) Console.WriteLine($"1a {s.ForceId} {s.SourceFile} {s.Period} group '{s.Group}': {s.Reads}");
var drawn = byGroup.Where(s => s.Total is not null).ToList();
var q1 = ChartStyle.WithTitle(ChartStyle.Apply(Plotly.NET.CSharp.Chart.Bar<long, string, string>(values: drawn.Select(s => s.Total!.Value).ToArray(),
        Keys: drawn.Select(s => $"{s.ForceId}: {(s.Group.Length > 0 ? s.Group : "(not a Home Office category)")}, {s.Period}").ToArray(), UseDefaults: false)),
    "Question 1a by Home Office offence group: each source and period apart", "summed within one source and one period; not a national count");
q1 = ChartStyle.WithNotes(q1, [], Caveats.Note(study, drawn.Select(s => s.SourceFile)));

// Question 2: how closely printed category labels match the Home Office lists.
var labelled = tidy.Filter(tidy["category_label"].ElementwiseNotEquals(""));
labelled = labelled.Filter(labelled["value_status"].ElementwiseNotEquals("printed_total"));
var levels = labelled.GroupBy("category_level").Count("category_label").OrderByDescending("category_label");
foreach (var row in levels.Rows) Console.WriteLine($"labels at level {row["category_level"]}: {row["category_label"]}");

// Question 3: offences per 100,000 residents in the request's latest year alone.
var lastYear = study.Periods.Years[^1];
var latest = study.Profiles.Where(x => x.Years[^1].Value is not null && x.Population is not null)
    .Select(x => (Force: x.Force.OfficialName, PerHundredThousand: Math.Round(x.Years[^1].Value!.Value * 100_000m / x.Population!.Value, 1), Files: x.Documents.Select(d => d.SourceFile)))
    .OrderByDescending(r => r.PerHundredThousand).ToList();
foreach (var r in latest) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lastYear.Label} per 100k {r.Force}: {r.PerHundredThousand:0.0}"));
var q3 = ChartStyle.WithTitle(ChartStyle.Apply(Plotly.NET.CSharp.Chart.Column<decimal, string, string>(
        values: latest.Select(r => r.PerHundredThousand).ToArray(), Keys: latest.Select(r => r.Force).ToArray(), UseDefaults: false)),
    $"Offences per 100,000 residents, {lastYear.Label}", "derived: one year's offences ÷ the force area's ONS mid-year population");
q3 = ChartStyle.WithNotes(q3, [], Caveats.Note(study, latest.SelectMany(r => r.Files)));
Console.WriteLine($"charts: {ChartOutput.SavePage(Path.Combine(ChartOutput.ScriptsFolder, "04-ask-a-new-question.html"), "4. Ask a new question",
    [("question-1a-by-group", q1, "Question 1a by Home Office group, each source and period apart."), ("per-100k-latest-year", q3, $"Offences per 100,000 residents, {lastYear.Label}.")])}");
