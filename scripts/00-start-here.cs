#!/usr/bin/env -S dotnet run
// Twin of notebooks/00-start-here.ipynb as a .NET 10 file-based app (the notebook kernel is deprecated):
// what the kit made of a study folder: tidy rows, rejects, warnings and the files it could not read.
//   dotnet run scripts/00-start-here.cs [-- --data path/to/study]        (from the repository root)
#:project ../src/FoiKit.Charts/FoiKit.Charts.csproj
#:project ../src/FoiKit.Notebooks/FoiKit.Notebooks.csproj
#:property PublishAot=false
using FoiKit.Notebooks;
using FoiKit.Pipeline;

var p = ScriptParameters.Parse(args);
var study = Study.Load(p.Data);
var summary = study.Data.Summary;
Console.WriteLine($"# 0. Start here: {p.Data ?? "data"}");
Console.WriteLine($"{summary.Files} source file(s), {summary.Observations} tidy row(s), {summary.Rejects} reject(s), {summary.Warnings} warning(s)");
Console.WriteLine($"request {study.Request.Id}: {study.Request.Subject}");
Console.WriteLine(Frames.Text(Frames.Tidy(study.Data.Observations), 30, "force_id", "source_kind", "question", "period_label", "category_label", "value", "value_status", "source_file", "source_row"));
Console.WriteLine(study.Data.Rejects.Count == 0 ? "No rejects: every data cell became a tidy row." : $"{study.Data.Rejects.Count} reject(s):");
foreach (var r in study.Data.Rejects) Console.WriteLine($"reject: {r.Source}: '{r.RawValue}': {r.Reason}");
foreach (var d in study.Data.Diagnostics) Console.WriteLine($"{d.Severity.ToString().ToLowerInvariant()}: {d}");
foreach (var file in summary.Skipped.Where(f => Path.GetFileName(Path.GetDirectoryName(f)) is "responses" or "articles"))
    Console.WriteLine($"not read: the kit cannot tell what this file holds: {file}");
foreach (var problem in study.ClaimProblems) Console.WriteLine($"claims: {problem}");
Console.WriteLine($"what the study holds for every force of forces.csv: {study.Coverage.Describe()}");
Console.WriteLine(Frames.Text(Frames.Coverage(study.Coverage), 40, "force", "holds", "sources", "three_year_total"));
