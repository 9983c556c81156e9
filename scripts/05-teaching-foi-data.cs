#!/usr/bin/env -S dotnet run
// Twin of notebooks/05-teaching-foi-data.ipynb as a .NET 10 file-based app (the notebook kernel is
// deprecated): the printed table, its tidy rows, the defensible sentence and the exercises.
//   dotnet run scripts/05-teaching-foi-data.cs [-- --data <folder> --force <id>]     the lesson and its questions
//   dotnet run scripts/05-teaching-foi-data.cs -- 3=30 5=14.3 4=unknown               check answers (exercise=answer)
//   dotnet run scripts/05-teaching-foi-data.cs -- --answer 3                          show an answer, when asked
#:project ../src/FoiKit.Charts/FoiKit.Charts.csproj
#:project ../src/FoiKit.Notebooks/FoiKit.Notebooks.csproj
#:property PublishAot=false
using System.Globalization;
using FoiKit.Notebooks;
using FoiKit.Pipeline;

var p = ScriptParameters.Parse(args);
var study = Study.Load(p.Data);
var lesson = Lesson.For(study, p.Force);
Console.WriteLine("# 5. Teaching FOI data: from a printed table to a defensible sentence");
Console.WriteLine(lesson.Message);
Console.WriteLine($"source: {lesson.Document.SourceUrl} ({lesson.Document.SourceFile})");
var printed = lesson.PrintedTable("1");
Console.WriteLine(Frames.Text(Frames.Printed(printed)));
Console.WriteLine($"printed rows: {printed.Rows.Count()}");
var tidy = Frames.Tidy(lesson.TidyRows("1"));
Console.WriteLine(Frames.Text(tidy, 40, "period_label", "period_start", "period_end", "period_basis", "value", "value_status", "source_row"));
Console.WriteLine($"tidy rows: {tidy.Rows.Count}");
Console.WriteLine($"sentence: {lesson.DefensibleSentence()}");
foreach (var e in lesson.Exercises) Console.WriteLine(e);

for (var i = 0; i < p.Rest.Count; i++)
{
    if (p.Rest[i] == "--answer" && i + 1 < p.Rest.Count) { Console.WriteLine(lesson.Answer(int.Parse(p.Rest[++i], CultureInfo.InvariantCulture))); continue; }
    var parts = p.Rest[i].Split('=', 2);
    if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var number)) { Console.Error.WriteLine($"'{p.Rest[i]}': give answers as exercise=answer, e.g. 3=30"); return 2; }
    object answer = parts[1].Equals("unknown", StringComparison.OrdinalIgnoreCase) ? Lesson.Unknown
        : decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : parts[1];
    Console.WriteLine(lesson.Check(number, answer));
}
return 0;
