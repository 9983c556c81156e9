#!/usr/bin/env -S dotnet run
// Twin of notebooks/01-reproduce-the-article.ipynb as a .NET 10 file-based app (the notebook kernel is
// deprecated): prints the same key figures and writes the same charts.
//   dotnet run scripts/01-reproduce-the-article.cs        (from the repository root)
#:project ../src/FoiKit.Charts/FoiKit.Charts.csproj
#:project ../src/FoiKit.Notebooks/FoiKit.Notebooks.csproj
#:property PublishAot=false
using FoiKit.Analyse;
using FoiKit.Charts;
using FoiKit.Model;
using FoiKit.Notebooks;
using FoiKit.Pipeline;

var study = Study.Load();
var article = "peterborough-today-cambridgeshire";
var cambs = study.Profile("cambridgeshire");
var year = study.BreakdownYear(Measure.Offences);
var claims = study.ClaimsOf(article);

Console.WriteLine("# 1. Reproduce the article: Peterborough Today on Cambridgeshire");
Console.WriteLine(Frames.Text(Frames.Claims(study, article), 40, "claim", "kind", "claimed", "verdict", "computed"));

Console.WriteLine($"three-year total: {cambs.Total} ({cambs.TotalBasis})");
var rise = claims.Single(c => c.Claim.Kind == ClaimKind.GrowthPct);
var rising = claims.Single(c => c.Claim.Kind == ClaimKind.Rising);
Console.WriteLine($"rise of {rise.Claim.ValueText}%: {rise.Verdict.Kind.ToContract()}");
Console.WriteLine($"rising year on year: {rising.Verdict.Kind.ToContract()}");

var bounds = study.YearBounds("cambridgeshire")!;
Console.WriteLine($"year bounds: {bounds.Describe(study.Periods.Years.Select(y => y.Label).ToList())}");

var offences = study.Breakdown("cambridgeshire", Measure.Offences, year);
Console.WriteLine($"{year.Label} offences by type: {string.Join(", ", offences.Select(f => $"{f.Category.Label} {f.Value}"))} (sum {offences.Sum(f => f.Value ?? 0)})");
Console.WriteLine($"violent crimes: {claims.Single(c => c.Claim.CategoryLabel == "violent crimes").Verdict.Kind.ToContract()}");

var outcomes = study.Breakdown("cambridgeshire", Measure.Outcomes, year);
Console.WriteLine($"{year.Label} outcomes: {string.Join(", ", outcomes.Select(f => $"{f.Category.Label} {f.Value}"))} (sum {outcomes.Sum(f => f.Value ?? 0)})");
var evidential = outcomes.Where(f => f.Category.Group == "evidential difficulties").Sum(f => f.Value ?? 0);
var mostCommon = claims.Last(c => c.Claim.Kind == ClaimKind.MostCommon);
Console.WriteLine($"evidential difficulties: {evidential} of {outcomes.Sum(f => f.Value ?? 0)}; most common: {mostCommon.Verdict.Kind.ToContract()}");

var offenceGap = study.Gap("cambridgeshire", Measure.Offences, year);
var outcomeGap = study.Gap("cambridgeshire", Measure.Outcomes, year);
Console.WriteLine($"offence types unaccounted for: {offenceGap.Unaccounted} ({offenceGap.Describe()})");
Console.WriteLine($"outcomes unaccounted for: {outcomeGap.Unaccounted} ({outcomeGap.Describe()})");

var page = ChartOutput.SavePage(Path.Combine(ChartOutput.ScriptsFolder, "01-reproduce-the-article.html"), "1. Reproduce the article",
[
    ("cambridgeshire-offences-by-year", StoryCharts.OffencesByYear(study, "cambridgeshire"), "Offences by year: only the three-year total is printed."),
    ("cambridgeshire-year-bounds", StoryCharts.YearBounds(study, "cambridgeshire"), "What the printed total, rise and 'rising' allow: a possible range, not data."),
    ("cambridgeshire-offence-mix", StoryCharts.OffenceMix(study, "cambridgeshire"), $"Offences by type, {year.Label}, as printed."),
    ("cambridgeshire-outcome-mix", StoryCharts.OutcomeMix(study, "cambridgeshire"), $"Police outcomes, {year.Label}, as printed."),
]);
Console.WriteLine($"charts: {page}");
