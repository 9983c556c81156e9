using System.Globalization;
using FoiKit.Analyse;
using FoiKit.Model;
using FoiKit.Pipeline;
using FoiKit.Read;

namespace FoiKit.Notebooks;

/// <summary>An exercise of the lesson. The answer is computed from the data, never typed in.</summary>
/// <param name="Number">1-based.</param>
/// <param name="Topic">What it teaches: totals, year basis, suppression, cut-off answers, small counts, rates, wording.</param>
/// <param name="Question">What the student is asked, with the figures of the force the lesson reads.</param>
/// <param name="Answer">The right answer: a whole number (long), a decimal, a bool, a string, or <see cref="Lesson.Unknown"/>.</param>
/// <param name="Hint">Said when an answer is wrong.</param>
/// <param name="Explanation">Said when it is right, and by <see cref="Lesson.Answer"/>.</param>
/// <param name="Traps">Wrong answers a student is likely to give, each with why it is wrong.</param>
public sealed record Exercise(int Number, string Topic, string Question, object Answer, string Hint, string Explanation, IReadOnlyList<(object Answer, string Why)> Traps)
{
    /// <summary>"Exercise 3 (suppression): …" (the question only, never the answer).</summary>
    public override string ToString() => $"Exercise {Number} ({Topic}): {Question}";
}

/// <summary>The outcome of checking one answer.</summary>
public sealed record ExerciseCheck(int Number, bool Answered, bool Correct, string Feedback)
{
    public override string ToString() => $"Exercise {Number}: {Feedback}";
}

/// <summary>
/// The lesson of notebook 05: from a force's printed table, to tidy rows, to a sentence that can be defended, with
/// exercises the student answers with a line of C# and the kit checks. The exercises read one force's own FOI
/// answer (the notebook's <c>force</c> when it has one in the study; otherwise the study's first force that does,
/// and <see cref="Message"/> says so), and every answer is computed from the study, so they work for any such
/// force and stay right if the data is corrected. Answers are shown only when asked for (<see cref="Answer"/>).
/// </summary>
public sealed class Lesson
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The answer to give when a figure cannot be known from the material (never zero).</summary>
    public static readonly object Unknown = new UnknownFigure();

    private Lesson(Study study, ForceProfile profile, SourceDocument document, string message)
    {
        Study = study;
        Profile = profile;
        Document = document;
        Message = message;
        Exercises = BuildExercises();
    }

    public Study Study { get; }

    public ForceProfile Profile { get; }

    /// <summary>The force's own answer the lesson reads.</summary>
    public SourceDocument Document { get; }

    /// <summary>Which force's answer the lesson reads, and why, when it is not the force asked for.</summary>
    public string Message { get; }

    public IReadOnlyList<Exercise> Exercises { get; }

    /// <summary>
    /// The lesson on <paramref name="force"/>'s own FOI answer; when the study has none for it, on the study's first
    /// force that has one, with <see cref="Message"/> saying so.
    /// </summary>
    /// <exception cref="InvalidOperationException">No force in the study has an answer of its own.</exception>
    public static Lesson For(Study study, string force)
    {
        var resolved = study.Kit.Reference.Forces.Resolve(force);
        var id = resolved.Ok ? resolved.Value!.Id : force;
        var own = study.Profiles.Where(p => p.Source == SourceKind.ForceResponse).OrderBy(p => p.Force.Id, StringComparer.Ordinal).ToList();
        var profile = own.FirstOrDefault(p => p.Force.Id == id);
        var name = resolved.Ok ? resolved.Value!.OfficialName : $"'{force}'";
        string message;
        if (profile is not null)
        {
            message = $"The exercises read {profile.Force.OfficialName}'s own answer to the FOI request.";
        }
        else
        {
            profile = own.FirstOrDefault() ?? throw new InvalidOperationException(
                "the study has no force's own FOI answer (responses/ holds none): the lesson reads a force's own printed table, so it cannot be given on this study");
            message = $"{name} has no FOI answer of its own in the study (its figures, if any, come from newspapers), so the exercises read {profile.Force.OfficialName}'s answer instead.";
        }
        var document = profile.Documents.First(d => d.Kind == SourceKind.ForceResponse);
        return new Lesson(study, profile, document, message);
    }

    /// <summary>A table of the force's answer exactly as printed (every cell text as transcribed).</summary>
    public SourceTable PrintedTable(string question = "1")
    {
        // The source is named from the study folder (data/responses/…); the file is read where the folder is.
        // Any format the kit reads (a transcript, the spreadsheet or letter the force sent), with each table's question as
        // the normaliser gave it: stated, or matched by the table's shape.
        var path = Study.PathOf(Document.SourceFile);
        var tables = NormaliseRun.PrintedTables(Study.Kit, path, Profile.Force.Id);
        if (!tables.Ok) throw new InvalidDataException(tables.Error!.Replace(path, Document.SourceFile, StringComparison.Ordinal));
        var table = tables.Value!.FirstOrDefault(t => t.Question == question)
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
        var basis = Basis;
        var first = years[0].Year.Start(basis);
        var last = years[^1].Year.End(basis);
        var perYear = string.Join(", ", years.Take(years.Count - 1).Select(y => y.Value?.ToString(Inv) ?? "an unknown number")) + " and " + (years[^1].Value?.ToString(Inv) ?? "an unknown number");
        var keyword = MethodReview.SearchMethods(Study).FirstOrDefault(r => r.SourceFile == Document.SourceFile) is { Keywords.Length: > 0 } m
            ? $"whose crime records mention {m.Keywords.Replace(", ", " or ", StringComparison.Ordinal)}"
            : "linked to the request's subject in its records (how it searched is not stated)";
        var reference = Document.RequestRef.Length > 0 ? $" (ref. {Document.RequestRef}{(Document.ResponseDate.Length > 0 ? $", {Document.ResponseDate}" : "")})" : "";
        var total = Profile.Total is { } t ? t.ToString("#,0", Inv) : "an unknown number of";
        return string.Create(Inv,
            $"{Profile.Force.OfficialName} logged {total} offences {keyword} between {first:d MMMM yyyy} and {last:d MMMM yyyy} ({perYear} a year), " +
            $"according to its answer to a Freedom of Information request{reference}. A keyword match shows the word was recorded, not that it played a part in the offence.");
    }

    /// <summary>An exercise's question (never its answer).</summary>
    public string Question(int number) => Exercises.FirstOrDefault(e => e.Number == number)?.ToString() ?? Missing(number);

    private string Missing(int number) =>
        $"Exercise {number}: {Profile.Force.OfficialName}'s answer does not print what this exercise needs (exercises here: {string.Join(", ", Exercises.Select(e => e.Number))}).";

    /// <summary>
    /// Checks a student's answer: right, with why; or not right, with why this answer is wrong and a hint.
    /// Null means "not answered yet". Give <see cref="Unknown"/> when the figure cannot be known.
    /// </summary>
    public ExerciseCheck Check(int number, object? answer)
    {
        if (Exercises.All(e => e.Number != number)) return new ExerciseCheck(number, false, false, Missing(number));
        var exercise = Find(number);
        if (answer is null) return new ExerciseCheck(number, false, false, "not answered yet: replace null with your line of C# and run the cell again.");
        if (Matches(exercise.Answer, answer)) return new ExerciseCheck(number, true, true, $"right. {exercise.Explanation}");
        var trap = exercise.Traps.FirstOrDefault(t => Matches(t.Answer, answer));
        var why = trap.Why is { Length: > 0 } w ? $" {w}" : "";
        return new ExerciseCheck(number, true, false, $"not right ({Show(answer)}).{why} Hint: {exercise.Hint}");
    }

    /// <summary>The answer and its explanation, for a student who asks (the notebook never prints it on its own).</summary>
    public string Answer(int number)
    {
        if (Exercises.All(e => e.Number != number)) return Missing(number);
        var exercise = Find(number);
        return $"Exercise {number}: the answer is {Show(exercise.Answer)}. {exercise.Explanation}";
    }

    private Exercise Find(int number) => Exercises.FirstOrDefault(e => e.Number == number)
        ?? throw new ArgumentOutOfRangeException(nameof(number), $"exercises are numbered 1 to {Exercises.Count}");

    private PeriodBasis Basis =>
        Study.Data.Observations.Where(o => o.Source.SourceFile == Document.SourceFile && o.Category.IsNone && o.Period.FinancialYear is not null)
            .Select(o => o.Period.Basis).FirstOrDefault(Study.Request.RequestedBasis ?? PeriodBasis.FinancialYear);

    private List<Exercise> BuildExercises()
    {
        var name = Profile.Force.OfficialName;
        var years = Profile.Years;
        var rows = TidyRows("1").Where(o => o.Category.IsNone).ToList();
        var reported = rows.Where(o => o.Value.Status != ValueStatus.PrintedTotal).ToList();
        var printedTotal = rows.FirstOrDefault(o => o.Value.Status == ValueStatus.PrintedTotal)?.Value.Value;
        var allPrinted = reported.Count > 0 && reported.All(o => o.Value.Value is not null);
        var sum = reported.Where(o => o.Value.Value is not null).Sum(o => o.Value.Value!.Value);
        var exercises = new List<Exercise>();

        // 1. Totals: the parts, never the printed Total added to them.
        exercises.Add(new(1, "totals",
            $"Table 1 of {name}'s answer prints one row per period and a Total row. In `rows` (its tidy rows) add up the periods yourself, not the Total: e.g. `rows.Where(r => r.Value.Status == ValueStatus.Reported).Sum(r => r.Value.Value!.Value)` (a period without a figure would make the sum unknown). What do they come to?",
            allPrinted ? sum : Unknown,
            "keep the rows whose value_status is reported; the printed_total row is the force's own sum, kept to check the parts.",
            allPrinted
                ? $"{string.Join(" + ", reported.Select(o => o.Value.Value))} = {sum}" + (printedTotal is { } p ? (p == sum ? $", which matches the printed Total ({p}): the table is consistent." : $", but the printed Total says {p}: a warning to report, never to correct.") : ".")
                : "a period has no printed figure, so the total is unknown: the known part is only a lower bound.",
            printedTotal is { } pt && allPrinted ? [(sum + pt, "That is the periods and the Total row added together: the Total is the force's own sum of the periods.")] : []));

        // 2. Year basis: the same label, two different years.
        var basis = Basis;
        var other = basis == PeriodBasis.TaxYear ? PeriodBasis.FinancialYear : PeriodBasis.TaxYear;
        var year = years[0].Year;
        var outside = DaysOutside(year.Start(basis), year.End(basis), year.Start(other), year.End(other));
        exercises.Add(new(2, "year basis",
            string.Create(Inv, $"{name} counts {year.Label} from {year.Start(basis):d MMMM yyyy} to {year.End(basis):d MMMM yyyy} ({Describe(basis)}). Another force may count {year.Label} from {year.Start(other):d MMMM yyyy} to {year.End(other):d MMMM yyyy}. How many days of {name}'s {year.Label} fall outside the other force's? Compute it from the dates, e.g. with `DateOnly.DayNumber`."),
            (long)outside,
            "list the days at the end of one year that the other year does not have (and at its start).",
            $"{outside} days: both are labelled {year.Label}, but they are not the same year. Say which basis a figure is on before comparing forces.",
            [(0L, "Both years are labelled the same, but their dates differ: the label does not make them the same period.")]));

        // 3. Suppression: a cell a force will not print is unknown, never zero.
        var hidden = reported.Count > 1 ? reported[1] : reported.FirstOrDefault();
        if (hidden?.Value.Value is { } hiddenValue && allPrinted)
        {
            var others = sum - hiddenValue;
            exercises.Add(new(3, "suppression",
                $"Suppose {name} had printed '*' (suppressed: a small number it will not give) instead of {hiddenValue} for '{hidden.Period.Label}'. The tidy row would then have no value (value_status suppressed). What is the smallest the total of the periods could be? (a whole number)",
                others,
                "a suppressed cell is a number you do not know; it is not zero, and it is not the figure you happen to know here.",
                $"At least {others}: the other periods add up to {others}, and the suppressed cell adds an unknown, small amount (often 1 to 4). Write 'at least {others}', never {others} as if the cell were zero.",
                [(sum, "That uses the figure the force, in this exercise, did not print.")]));
        }

        // 4. Cut-off answers: what the stored copy does not show is unknown.
        var outcomeQuestion = Study.Request.Questions.FirstOrDefault(q => q.Value.Measure == Measure.Outcomes);
        var outcomes = outcomeQuestion.Key is null ? [] : TidyRows(outcomeQuestion.Key).Where(o => o.Value.Status != ValueStatus.PrintedTotal).ToList();
        var outcomesKnown = outcomes.Count > 0 && outcomes.All(o => o.Value.Value is not null);
        var outcomeSum = outcomes.Where(o => o.Value.Value is not null).Sum(o => o.Value.Value!.Value);
        var where = MethodReview.CutOffSources(Study).FirstOrDefault(c => c.SourceFile == Document.SourceFile)?.WhereCut;
        exercises.Add(new(4, "cut-off answers",
            $"{(Document.Truncated ? $"The stored copy of {name}'s answer is cut off ({where ?? "the transcript says so"})." : $"{name}'s stored answer is complete.")} How many police outcomes in all does it give for question {outcomeQuestion.Key ?? "(none: the request asks for no outcomes)"}? Give `Lesson.Unknown` if the material cannot say.",
            outcomesKnown ? outcomeSum : Unknown,
            "look for the outcome rows in the tidy data; a table the copy does not show has no rows, and no rows is not zero.",
            outcomesKnown ? $"{outcomeSum}, the sum of its {outcomes.Count} printed outcome figures."
                : "Unknown: the outcomes are not in the stored copy. A figure that was cut off is unknown, not zero: say the copy stops, and where.",
            outcomesKnown ? [] : [(0L, "Zero would mean the force recorded no outcomes; the copy just does not show them.")]));

        // 5. Percentages of small counts.
        if (years.Count > 1 && years[0].Value is { } a && a > 1 && years[^1].Value is { } b)
        {
            var change = Math.Round((b - a) * 100m / a, 1);
            var moved = new[] { (a - 1, b), (a + 1, b), (a, b - 1), (a, b + 1) }.Select(x => Math.Round((x.Item2 - x.Item1) * 100m / x.Item1, 1)).ToList();
            exercises.Add(new(5, "small counts",
                $"{name} recorded {a} offences in {years[0].Year.Label} and {b} in {years[^1].Year.Label}. By how many percent did the figure change? One decimal place, e.g. `Math.Round((last - first) * 100m / first, 1)`.",
                change,
                "divide the change by the first year's figure, not the last's, then multiply by 100.",
                string.Create(Inv, $"{change:+0.0;-0.0}%. With one offence more or fewer in either year it would be between {moved.Min():+0.0;-0.0}% and {moved.Max():+0.0;-0.0}%: on counts this small a percentage moves a lot for one case. Print the counts beside it."),
                [(Math.Round((b - a) * 100m / b, 1), "That divides by the last year's figure: a change is measured from where it started.")]));
        }

        // 6. Rates.
        if (Profile.RatePer100k is { } rate)
        {
            exercises.Add(new(6, "rates",
                $"What is {name}'s figure per 100,000 residents over the {years.Count} years, to one decimal place? Its ONS mid-{Profile.PopulationYear} population is {Profile.Population:#,0} and its total {Profile.Total:#,0}.",
                rate,
                "divide the total by the population, multiply by 100,000, round to one decimal.",
                string.Create(Inv, $"{Profile.Total} × 100,000 ÷ {Profile.Population:#,0} = {rate:0.0} over {years.Count} years. It is derived: say so, and that residents are not a count of the app's users."),
                []));
        }

        // 7. Wording.
        exercises.Add(new(7, "wording",
            "Which sentence is defensible? (a) 'TikTok crime rose sharply'; (b) the sentence DefensibleSentence() gives; (c) 'TikTok caused these crimes'. Answer \"a\", \"b\" or \"c\".",
            "b", "ask of each: does the data say the app caused anything? does the figure count crimes, or records mentioning a word?",
            "(b) names the force, the exact dates, the search method and the source. (a) calls a keyword count 'TikTok crime'; (c) claims a cause the records cannot show.",
            [("a", "A keyword count is not 'TikTok crime', and 'sharply' is a judgement the counts do not make."), ("c", "The records show the word was recorded, not a cause.")]));

        // Numbers stay with their topics (the notebook's cells name them); one this answer cannot give is left out.
        return exercises;
    }

    private static int DaysOutside(DateOnly start, DateOnly end, DateOnly otherStart, DateOnly otherEnd) =>
        Math.Max(0, Math.Min(end.DayNumber, otherStart.DayNumber - 1) - start.DayNumber + 1) + Math.Max(0, end.DayNumber - Math.Max(start.DayNumber, otherEnd.DayNumber + 1) + 1);

    private static string Describe(PeriodBasis basis) => basis switch
    {
        PeriodBasis.TaxYear => "6 April to 5 April years, as the request asked",
        PeriodBasis.FinancialYear => "1 April to 31 March years",
        _ => basis.ToContract(),
    };

    private static bool Matches(object expected, object answer) => (expected, answer) switch
    {
        (UnknownFigure, UnknownFigure) => true,
        (UnknownFigure, _) or (_, UnknownFigure) => false,
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

    private sealed class UnknownFigure
    {
        public override string ToString() => "Lesson.Unknown (the figure cannot be known)";
    }
}
