#!/usr/bin/env -S dotnet run
// Twin of notebooks/05-teaching-foi-data.ipynb as a .NET 10 file-based app (the notebook kernel is
// deprecated): the printed table, its tidy rows, the defensible sentence and the exercises.
//   dotnet run scripts/05-teaching-foi-data.cs                  print the lesson and the answers
//   dotnet run scripts/05-teaching-foi-data.cs -- 16 46 3 5.8 false b    check your answers (in order)
#:project ../src/FoiKit.Charts/FoiKit.Charts.csproj
#:project ../src/FoiKit.Notebooks/FoiKit.Notebooks.csproj
#:property PublishAot=false
using FoiKit.Analyse;
using FoiKit.Notebooks;
using FoiKit.Pipeline;

var study = Study.Load();
var lesson = Lesson.For(study, "dorset");
Console.WriteLine("# 5. Teaching FOI data: from a printed table to a defensible sentence");
Console.WriteLine($"source: {lesson.Document.SourceUrl} ({lesson.Document.SourceFile})");
var printed = lesson.PrintedTable("1");
Console.WriteLine(Frames.Text(Frames.Printed(printed)));
Console.WriteLine($"printed rows: {printed.Rows.Count()}");
var tidy = Frames.Tidy(lesson.TidyRows("1"));
Console.WriteLine(Frames.Text(tidy, 40, "period_label", "financial_year", "period_basis", "value", "value_status", "source_row"));
Console.WriteLine($"tidy rows: {tidy.Rows.Count}");
Console.WriteLine($"sentence: {lesson.DefensibleSentence()}");

foreach (var e in lesson.Exercises)
{
    object? answer = args.Length >= e.Number ? args[e.Number - 1] : null;
    if (answer is string s && decimal.TryParse(s, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d)) answer = d;
    Console.WriteLine($"{e.Number}. {e.Question}");
    if (answer is not null) Console.WriteLine($"   {lesson.Check(e.Number, answer)}");
}
var answers = lesson.Answers();
Console.WriteLine($"answers checked: {answers.Count(a => a.Correct)} of {answers.Count} correct");
foreach (var a in answers) Console.WriteLine(a);
