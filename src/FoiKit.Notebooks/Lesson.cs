using System.Globalization;
using FoiKit.Analyse;
using FoiKit.Model;
using FoiKit.Pipeline;
using FoiKit.Read;

namespace FoiKit.Notebooks;

/// <summary>An exercise of the lesson. The answer is computed from the data, never typed in.</summary>
/// <param name="Number">1-based.</param>
/// <param name="Question">What the student is asked.</param>
/// <param name="Answer">The right answer (a long, decimal, bool or string).</param>
/// <param name="Hint">Said when an answer is wrong.</param>
/// <param name="Explanation">Said when it is right.</param>
public sealed record Exercise(int Number, string Question, object Answer, string Hint, string Explanation);

/// <summary>The outcome of checking one answer.</summary>
public sealed record ExerciseCheck(int Number, bool Answered, bool Correct, string Feedback)
{
    public override string ToString() => $"Exercise {Number}: {Feedback}";
}

/// <summary>
/// The lesson of notebook 05: from a force's printed table, to tidy rows, to a sentence that can be
/// defended. Its exercises are about one force's own FOI answer (Dorset's by default: the only
/// force answer in the data), and their answers come from the study, so they stay right if the
/// data is corrected.
/// </summary>
public sealed class Lesson
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private Lesson(Study study, ForceProfile profile, SourceDocument document)
    {
        Study = study;
        Profile = profile;
        Document = document;
        Exercises = BuildExercises();
    }

    public Study Study { get; }

    public ForceProfile Profile { get; }

    /// <summary>The force's own answer the lesson reads.</summary>
    public SourceDocument Document { get; }

    public IReadOnlyList<Exercise> Exercises { get; }

    /// <summary>A lesson on one force's own FOI answer.</summary>
    /// <exception cref="ArgumentException">The study has no force response for the force.</exception>
    public static Lesson For(Study study, string forceId = "dorset")
    {
        var profile = study.Profile(forceId);
        var document = profile.Documents.FirstOrDefault(d => d.Kind == SourceKind.ForceResponse)
            ?? throw new ArgumentException($"'{forceId}': the lesson needs a force's own FOI answer, and the data has none for it", nameof(forceId));
        return new Lesson(study, profile, document);
    }

    /// <summary>A table of the force's answer exactly as printed (every cell text as transcribed).</summary>
    public SourceTable PrintedTable(string question = "1")
    {
        // The source is named from the study folder (data/responses/…); the file is read where the folder is.
        var path = Study.PathOf(Document.SourceFile);
        var transcript = TranscriptReader.Read(path);
        if (!transcript.Ok) throw new InvalidDataException(transcript.Error!.Replace(path, Document.SourceFile, StringComparison.Ordinal));
        var table = transcript.Value!.Tables.FirstOrDefault(t => t.Question == question)
            ?? throw new KeyNotFoundException($"{Document.SourceFile}: no table for question {question}");
        return table with { Rows = table.Rows.ToList() };
    }

    /// <summary>The tidy rows made from that table: one per printed figure, with its provenance.</summary>
    public IReadOnlyList<Observation> TidyRows(string question = "1") =>
        Study.Data.Observations.Where(o => o.Source.SourceFile == Document.SourceFile && o.Question == question).ToList();

    /// <summary>
    /// A sentence that says no more than the data supports: who recorded what, over which exact dates,
    /// how it was found, and where it is printed.
    /// </summary>
    public string DefensibleSentence()
    {
        var years = Profile.Years;
        var basis = Study.Data.Observations.Where(o => o.Source.SourceFile == Document.SourceFile && o.Category.IsNone && o.Period.FinancialYear is not null)
            .Select(o => o.Period.Basis).FirstOrDefault(Study.Request.RequestedBasis ?? PeriodBasis.FinancialYear);
        var first = years[0].Year.Start(basis);
        var last = years[^1].Year.End(basis);
        var perYear = string.Join(", ", years.Take(years.Count - 1).Select(y => y.Value?.ToString(Inv) ?? "?")) + " and " + (years[^1].Value?.ToString(Inv) ?? "?");
        var keyword = MethodReview.SearchMethods(Study).FirstOrDefault(r => r.SourceFile == Document.SourceFile) is { Keywords.Length: > 0 } m
            ? $"whose crime records mention {m.Keywords.Replace(", ", " or ", StringComparison.Ordinal)}"
            : "linked to TikTok in its records";
        var reference = Document.RequestRef.Length > 0 ? $" (ref. {Document.RequestRef}{(Document.ResponseDate.Length > 0 ? $", {Document.ResponseDate}" : "")})" : "";
        return string.Create(Inv,
            $"{Profile.Force.OfficialName} logged {Profile.Total:#,0} offences {keyword} between {first:d MMMM yyyy} and {last:d MMMM yyyy} ({perYear} a year), " +
            $"according to its answer to a Freedom of Information request{reference}. A keyword match shows the word was recorded, not that TikTok played a part in the offence.");
    }

    /// <summary>Checks an answer to exercise <paramref name="number"/>; null means "not answered yet".</summary>
    public ExerciseCheck Check(int number, object? answer)
    {
        var exercise = Exercises.FirstOrDefault(e => e.Number == number)
            ?? throw new ArgumentOutOfRangeException(nameof(number), $"exercises are numbered 1 to {Exercises.Count}");
        if (answer is null) return new ExerciseCheck(number, false, false, "not answered yet: replace null with your answer and run the cell again.");
        var correct = Matches(exercise.Answer, answer);
        return new ExerciseCheck(number, true, correct, correct ? $"correct. {exercise.Explanation}" : $"not quite ({Show(answer)}). Hint: {exercise.Hint}");
    }

    /// <summary>Every exercise checked with its own answer (the "answers at the back").</summary>
    public IReadOnlyList<ExerciseCheck> Answers() => Exercises.Select(e => Check(e.Number, e.Answer)).ToList();

    private List<Exercise> BuildExercises()
    {
        var years = Profile.Years;
        var second = years[1];
        var printed = PrintedTable("1");
        var secondLabel = printed.Rows.Skip(1).First().Cells[0] ?? second.Year.Label;
        var sum = years.Sum(y => y.Value ?? 0);
        var reported = TidyRows("1").Count(o => o.Value.Status == ValueStatus.Reported);
        var totalRows = TidyRows("1").Count(o => o.Value.Status == ValueStatus.PrintedTotal);
        var name = Profile.Force.OfficialName;
        return
        [
            new(1, $"In {name}'s printed table 1, how many offences were logged in the period printed as '{secondLabel}'? (a whole number)",
                second.Value ?? 0, "read the Count column of the second row, exactly as printed.",
                $"{second.Value} is printed for {secondLabel}; the kit files it under the request year {second.Year.Label}."),
            new(2, "Add up the three yearly rows yourself (not the Total row). What do they come to?",
                sum, "add the first three counts only; the Total row is the force's own sum, not another year.",
                $"{string.Join(" + ", years.Select(y => y.Value))} = {sum}, which matches the printed Total: the force's table is internally consistent."),
            new(3, $"In the tidy rows of table 1, how many rows have value_status 'reported'? (The printed Total is kept as 'printed_total', never summed.)",
                (long)reported, "count the rows whose value_status is reported; the Total row is there too, but marked printed_total.",
                $"{reported} reported rows and {totalRows} printed total: tidy data keeps the total to check the parts, and never adds it to them."),
            new(4, $"What is {name}'s three-year figure per 100,000 residents, to one decimal place? Its ONS mid-{Profile.PopulationYear} population is {Profile.Population:#,0}.",
                Profile.RatePer100k ?? 0m, "divide the three-year total by the population, then multiply by 100,000, and round to one decimal.",
                string.Create(Inv, $"{Profile.Total} × 100,000 ÷ {Profile.Population:#,0} = {Profile.RatePer100k:0.0}. It is a derived figure: say so when you use it.")),
            new(5, "Did the figures rise every year? (true or false)",
                Profile.Rising ?? false, "compare each year with the one before: a year equal to the one before is not a rise.",
                $"{string.Join(", ", years.Select(y => y.Value))}: {(Profile.Rising == true ? "each year is above the one before" : "not every year is above the one before, so 'rising year on year' would not be defensible")}."),
            new(6, "Which sentence is defensible? (a) 'TikTok crime rose 14% in three years'; (b) the sentence DefensibleSentence() gives; (c) 'TikTok caused 16 crimes last year'. Answer \"a\", \"b\" or \"c\".",
                "b", "ask of each: does the data say TikTok caused anything? does the figure count crimes, or records mentioning a word?",
                "(b) names the force, the exact dates, the search method and the source. (a) calls a keyword count 'TikTok crime'; (c) claims a cause the records cannot show."),
        ];
    }

    private static bool Matches(object expected, object answer) => (expected, answer) switch
    {
        (string e, string a) => string.Equals(e.Trim(), a.Trim().Trim('(', ')', '"', '\''), StringComparison.OrdinalIgnoreCase),
        (bool e, bool a) => e == a,
        (bool e, string a) => bool.TryParse(a.Trim(), out var b) && b == e,
        (long or int or decimal, IConvertible a) when IsNumber(answer) => SameNumber(Convert.ToDecimal(expected, Inv), Convert.ToDecimal(a, Inv), Decimals(expected)),
        _ => false,
    };

    /// <summary>Whole-number answers must be whole; decimal ones are compared at the precision asked for.</summary>
    private static bool SameNumber(decimal expected, decimal answer, int decimals) =>
        decimals == 0 ? answer == expected : Math.Round(answer, decimals, MidpointRounding.AwayFromZero) == expected;

    private static bool IsNumber(object o) => o is byte or short or int or long or float or double or decimal;

    private static int Decimals(object expected) => expected is decimal d ? BitConverter.GetBytes(decimal.GetBits(d)[3])[2] : 0;

    private static string Show(object answer) => answer switch
    {
        string s => $"\"{s}\"",
        IFormattable f => f.ToString(null, Inv),
        _ => answer.ToString() ?? "",
    };
}
