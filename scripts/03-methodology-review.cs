#!/usr/bin/env -S dotnet run
// Twin of notebooks/03-methodology-review.ipynb as a .NET 10 file-based app (the notebook kernel is
// deprecated): prints the same key figures and writes the same chart.
//   dotnet run scripts/03-methodology-review.cs [-- --data <folder>]        (from the repository root)
#:project ../src/FoiKit.Charts/FoiKit.Charts.csproj
#:project ../src/FoiKit.Notebooks/FoiKit.Notebooks.csproj
#:property PublishAot=false
using FoiKit.Analyse;
using FoiKit.Notebooks;
using FoiKit.Pipeline;

var p = ScriptParameters.Parse(args);
var study = Study.Load(p.Data);
Console.WriteLine("# 3. Methodology review");
var bases = MethodReview.PeriodBases(study);
Console.WriteLine(Frames.Text(Frames.Of(bases), 60, "ForceId", "SourceFile", "Printed", "Basis", "AsRequested"));
Console.WriteLine($"period basis as requested: {bases.Count(b => b.AsRequested)} of {bases.Count} sources");

var searches = MethodReview.SearchMethods(study);
Console.WriteLine(Frames.Text(Frames.Of(searches), 60, "ForceId", "Method", "Keywords", "Limitation"));
Console.WriteLine($"keyword searches named: {searches.Count(s => s.Keywords.Length > 0)}");

Console.WriteLine(Frames.Text(Frames.Of(study.Totals), 40, "ForceId", "SourceFile", "Table", "Label", "Printed", "PartsSum", "Status"));
Console.WriteLine($"printed totals matching their parts: {study.Totals.Count(t => t.Status == "matches the parts")} of {study.Totals.Count}");

var cutOff = MethodReview.CutOffSources(study);
Console.WriteLine(Frames.Text(Frames.Of(cutOff), 70, "ForceId", "SourceFile", "WhereCut", "FiguresKept"));
Console.WriteLine($"cut-off sources: {cutOff.Count}");

foreach (var c in MethodEvidence.SmallCounts(study))
    Console.WriteLine($"small counts {c.Force}: {c.First} to {c.Last} is {c.Change:+0.0;-0.0}%; one offence more or fewer: {c.Lowest:+0.0;-0.0}% to {c.Highest:+0.0;-0.0}%");
foreach (var line in MethodEvidence.RateSentences(study)) Console.WriteLine(line);
Console.WriteLine(MethodEvidence.ConsistentSentence(study));

var national = study.National;
Console.WriteLine($"known forces: {national.KnownForces}, known total: {national.KnownTotal}, if all at lowest rate: {national.IfAllAtLowestRate}, if all at highest rate: {national.IfAllAtHighestRate}");
foreach (var line in MethodReview.NationalSentences(study)) Console.WriteLine(line);
Console.WriteLine($"charts: {ChartOutput.SavePage(Path.Combine(ChartOutput.ScriptsFolder, "03-methodology-review.html"), "3. Methodology review",
    [("national-requirement", MethodEvidence.NationalRequirement(study), "What each national figure would require of the forces not seen.")])}");
