using System.Globalization;
using FoiKit.Model;
using FoiKit.Read.Articles;
using FoiKit.Reference;
using FoiKit.Text;

namespace FoiKit.Analyse.Drafting;

/// <summary>
/// Reads an article's text into a draft claims ledger for a person to check (contract §9): one
/// row for every figure and checkable statement about the request's subject, each read with the
/// grammar the kit judges claims with (<see cref="PeriodWording"/>, <see cref="ValueWording"/>,
/// <see cref="ClaimWording"/>, the reference lists), its force the one its sentence names, and the
/// fate of every other number in the text recorded with its reason.
/// </summary>
/// <remarks>
/// The reading is rules over words, not a language model: each rule is small and named in the
/// draft's note or the explanation, so a reviewer can see why a row says what it says. Where a
/// rule is unsure it says so in <c>draft_note</c> and still writes the row: a row too many is
/// deleted in a second, a row missing is a figure nobody checks.
/// </remarks>
internal sealed partial class ClaimDrafter
{
    private static readonly HashSet<string> SubjectNouns = new(StringComparer.Ordinal)
    {
        "offences", "offence", "crimes", "crime", "cases", "case", "incidents", "incident", "instances", "instance", "charges", "charge", "summonses",
        "summons", "reports", "counts", "outcomes", "allegations", "occurrences", "offenses", "offense",
    };

    private static readonly HashSet<string> ChargeNouns = new(StringComparer.Ordinal) { "charges", "charge", "summonses", "summons" };

    /// <summary>Words that say a sentence speaks of the figures the request asked for.</summary>
    private static readonly HashSet<string> SubjectWords = new(StringComparer.Ordinal)
    {
        "figures", "figure", "offences", "offence", "crimes", "crime", "cases", "incidents", "instances", "reports", "numbers", "charges", "offending",
        "outcomes", "allegations", "summonses",
    };

    /// <summary>Words that end the search for what a number counts: a number followed by one of these counts nothing it names.</summary>
    private static readonly HashSet<string> Stops = new(StringComparer.Ordinal)
    {
        "in", "on", "at", "by", "for", "from", "to", "of", "the", "a", "an", "were", "was", "is", "are", "have", "has", "had", "be", "been", "this",
        "that", "these", "those", "last", "and", "or", "but", "with", "per", "since", "over", "during", "across", "between", "than", "as", "while",
        "which", "who", "where", "when", "it", "its", "their", "his", "her", "they", "we", "so", "this", "next", "following", "previous", "compared",
        "percent", "pc", "times", "fold", "out", "more", "fewer", "less", "up", "down", "rose", "fell", "year", "years",
    };

    /// <summary>Words before a count noun that name no category ("513 alleged offences", "98 app-related crimes"); the request's keywords are added.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "alleged", "related", "linked", "connected", "associated", "separate", "further", "other", "more", "new", "recorded", "reported",
        "individual", "distinct", "criminal", "total", "additional", "confirmed", "suspected", "different", "online", "app", "social", "media",
        "staggering", "shocking", "disturbing", "worrying", "whopping", "just", "only", "some", "such", "possible", "potential", "s", "of", "the",
        "those", "these",
    };

    private static readonly HashSet<string> Multiples = new(StringComparer.Ordinal)
    {
        "doubled", "double", "doubling", "tripled", "trebled", "triple", "treble", "tripling", "trebling", "quadrupled", "quadrupling", "halved", "twice",
    };

    private static readonly HashSet<string> FractionParts = new(StringComparer.Ordinal)
    {
        "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "sixth", "tenth", "tenths",
    };

    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal) { "while", "whereas", "but", "with", "although", "though", "because", "after", "as" };

    private static readonly HashSet<string> OutcomeWords = new(StringComparer.Ordinal) { "cited", "reason", "reasons", "outcome", "outcomes", "action", "prevented", "preventing" };

    private static readonly HashSet<string> CategoryVerbs = new(StringComparer.Ordinal) { "involved", "involving", "were", "was", "concerned", "related", "relating", "included", "for" };

    private readonly RequestDefinition _request;
    private readonly ReferenceData _reference;
    private readonly string _defaultForce;
    private readonly CategoryLabels _categories;
    private readonly HashSet<string> _keywords;

    /// <param name="defaultForce">The force the article is about (<c>--force</c>): an official name, or "England and Wales".</param>
    public ClaimDrafter(ReferenceData reference, RequestDefinition request, string defaultForce)
    {
        _reference = reference;
        _request = request;
        _defaultForce = defaultForce;
        _categories = new CategoryLabels(reference);
        // "98 <keyword>-related crimes": the request's own keyword describes every figure and names no category.
        _keywords = request.Keywords.SelectMany(k => LabelKey.Of(k).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        if (request.AllYears.Count == 0) throw new ArgumentException($"the request {request.Id} names no years to read periods against", nameof(request));
    }

    /// <summary>Drafts the claims of one article, numbered <c>&lt;articleId&gt;-NN</c> in reading order.</summary>
    public ClaimDraft Draft(ArticleText article, string articleId)
    {
        var state = new ArticleState();
        var claims = new List<Pending>();
        var fates = new List<(string Printed, string Where, Pending? Claim, string Reason)>();
        foreach (var sentence in ArticleSentences.Of(article))
        {
            var reading = new SentenceReading(this, sentence, state);
            reading.Read();
            claims.AddRange(reading.Claims);
            fates.AddRange(reading.Fates);
        }
        var width = claims.Count >= 100 ? 3 : 2;
        var drafted = new List<DraftClaim>();
        for (var i = 0; i < claims.Count; i++)
        {
            var c = claims[i];
            c.Id = $"{articleId}-{(i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')}";
            drafted.Add(new DraftClaim(c.Id, articleId, c.Force, c.Measure, c.Kind, c.Category, c.Period, c.Value, c.Text, string.Join("; ", c.Notes.Distinct())));
        }
        var numbers = fates.Select(f => new NumberFate(f.Printed, f.Where, f.Claim?.Id, f.Reason)).ToList();
        foreach (var block in article.LeftOut)
        {
            foreach (System.Text.RegularExpressions.Match m in DigitsIn().Matches(block.Text))
                numbers.Add(new NumberFate(m.Value, Opening(block.Text), null, $"page furniture ({block.Why})"));
        }
        return new ClaimDraft(drafted, numbers);
    }

    private static string Opening(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length <= 8 ? text : string.Join(' ', parts.Take(8)) + "…";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\d+(?:[,.]\d+)*")]
    private static partial System.Text.RegularExpressions.Regex DigitsIn();

    /// <summary>What carries from one sentence to the next.</summary>
    private sealed class ArticleState
    {
        public Force? LastForce { get; set; }

        /// <summary>The year of the last dated count, for "the following year".</summary>
        public FinancialYear? PreviousYear { get; set; }

        /// <summary>The measure and category of the last figure, for a bare number ("This rose to 63").</summary>
        public (string Measure, string Category)? LastFigure { get; set; }
    }

    /// <summary>A claim being drafted; its id is given once every sentence is read.</summary>
    private sealed class Pending
    {
        public string Id { get; set; } = "";
        public string Force { get; set; } = "";
        public string Measure { get; set; } = "offences";
        public string Kind { get; set; } = "count";
        public string Category { get; set; } = "";
        public string Period { get; set; } = "";
        public string Value { get; set; } = "";
        public string Text { get; set; } = "";
        public List<string> Notes { get; } = [];
        public int Anchor { get; set; }
    }
}
