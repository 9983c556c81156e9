#!/usr/bin/env -S dotnet run
// Twin of notebooks/01-reproduce-the-article.ipynb as a .NET 10 file-based app (the notebook kernel is
// deprecated): prints the same key figures and writes the same charts.
//   dotnet run scripts/01-reproduce-the-article.cs [-- --data <folder> --force <id> --article <id>]   (from the repository root)
#:project ../src/FoiKit.Charts/FoiKit.Charts.csproj
#:project ../src/FoiKit.Notebooks/FoiKit.Notebooks.csproj
#:property PublishAot=false
using FoiKit.Analyse;
using FoiKit.Charts;
using FoiKit.Model;
using FoiKit.Notebooks;
using FoiKit.Pipeline;

var p = ScriptParameters.Parse(args);
var study = Study.Load(p.Data);
var focus = ArticleFocus.Of(study, p.Force, p.Article);
var forceId = focus.Force.Id;
var year = study.BreakdownYear(Measure.Offences);

Console.WriteLine($"# 1. Reproduce the article: {p.Article} on {focus.Force.OfficialName}");
Console.WriteLine(focus.Summary());
Console.WriteLine(Frames.Text(Frames.Claims(study, p.Article), 40, "claim", "kind", "claimed", "verdict", "computed"));

var profile = focus.Profile;
Console.WriteLine(profile is null ? "three-year total: no offence figures printed" : $"three-year total: {profile.Total?.ToString() ?? "not known"} ({profile.TotalBasis})");
var rise = focus.First(ClaimKind.GrowthPct);
var rising = focus.First(ClaimKind.Rising);
Console.WriteLine($"rise of {rise?.Verdict.Claimed ?? "-"}: {rise?.Verdict.Kind.ToContract() ?? "(no such claim)"}");
Console.WriteLine($"rising year on year: {rising?.Verdict.Kind.ToContract() ?? "(no such claim)"}");
var bounds = focus.Bounds;
Console.WriteLine($"year bounds: {bounds?.Describe(study.Periods.Years.Select(y => y.Label).ToList()) ?? "nothing to bound (the yearly figures are printed, or no total was)"}");

var offences = study.Breakdown(forceId, Measure.Offences, year);
var (offencesSum, _, offencesWithout) = ArticleFocus.SumOfPrinted(offences);
Console.WriteLine($"{year.Label} offences by type: {string.Join(", ", offences.Select(f => $"{f.Category.Label} {f.Value?.ToString() ?? "(no figure)"}"))} (sum {offencesSum}{(offencesWithout > 0 ? $", {offencesWithout} without a figure" : "")})");
foreach (var c in focus.Claims.Where(c => c.Verdict.Kind == VerdictKind.Ambiguous)) Console.WriteLine($"{c.Claim.CategoryLabel}: ambiguous");

var outcomes = study.Breakdown(forceId, Measure.Outcomes, year);
var (outcomesSum, _, _) = ArticleFocus.SumOfPrinted(outcomes);
Console.WriteLine($"{year.Label} outcomes: {string.Join(", ", outcomes.Select(f => $"{f.Category.Label} {f.Value?.ToString() ?? "(no figure)"}"))} (sum {outcomesSum})");
var evidential = outcomes.Where(f => f.Category.Group == "evidential difficulties" && f.Value is not null).Sum(f => f.Value!.Value);
var mostCommon = focus.Last(ClaimKind.MostCommon);
Console.WriteLine($"evidential difficulties: {evidential} of {outcomesSum}; most common: {mostCommon?.Verdict.Kind.ToContract() ?? "(no such claim)"}");

var offenceGap = study.Gap(forceId, Measure.Offences, year);
var outcomeGap = study.Gap(forceId, Measure.Outcomes, year);
Console.WriteLine($"offence types unaccounted for: {offenceGap.Unaccounted?.ToString() ?? "unknown"} ({offenceGap.Describe()})");
Console.WriteLine($"outcomes unaccounted for: {outcomeGap.Unaccounted?.ToString() ?? "unknown"} ({outcomeGap.Describe()})");
foreach (var line in focus.WhatCanBeSaid()) Console.WriteLine("- " + line);

var charts = new List<(string, Plotly.NET.GenericChart, string)>();
if (profile is not null) charts.Add(($"{forceId}-offences-by-year", StoryCharts.OffencesByYear(profile), "Offences by year, as printed."));
if (bounds is { Solutions: > 0 }) charts.Add(($"{forceId}-year-bounds", StoryCharts.YearBounds(study, forceId), "What the printed total, rise and 'rising' allow: a possible range, not data."));
if (offences.Count > 0) charts.Add(($"{forceId}-offence-mix", StoryCharts.OffenceMix(study, forceId), $"Offences by type, {year.Label}, as printed."));
if (outcomes.Count > 0) charts.Add(($"{forceId}-outcome-mix", StoryCharts.OutcomeMix(study, forceId), $"Police outcomes, {year.Label}, as printed."));
Console.WriteLine($"charts: {ChartOutput.SavePage(Path.Combine(ChartOutput.ScriptsFolder, "01-reproduce-the-article.html"), "1. Reproduce the article", charts)}");
