// Drafting a claims ledger from an article's text (contract §9): each article written for these tests
// (tests/FoiKit.Tests/fixtures/drafting/, labelled there as test inputs) is drafted and compared, claim by
// claim, with a ledger written by hand from the article's sentences and the contract's kinds (§4). The
// hand ledgers were worked out by reading each sentence, not copied from a run of the drafter; where the
// draft differs from them, the difference is listed with its reason.
using FoiKit.Analyse.Drafting;
using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Read;
using FoiKit.Read.Articles;
using FoiKit.Text;
using Xunit.Abstractions;

namespace FoiKit.Tests;

/// <summary>One claim of a hand-written ledger: what a reviewer would type for a sentence.</summary>
public sealed record ExpectedClaim(string Kind, string Measure, string Force, string Category, string Period, string Value)
{
    public override string ToString() => $"{Kind} {Measure} {Force} [{Category}] [{Period}] [{Value}]";
}

/// <summary>An article written for the tests, its force, and its hand-written ledger.</summary>
/// <param name="Misses">Hand-ledger claims the draft does not give as written, by index, with why.</param>
/// <param name="Extras">Drafted claims not in the hand ledger, by claim id suffix, with why.</param>
public sealed record LedgerCase(string File, string Force, IReadOnlyList<ExpectedClaim> Ledger,
    IReadOnlyDictionary<int, string> Misses, IReadOnlyDictionary<string, string> Extras)
{
    public override string ToString() => File;
}

public class DraftClaimsTests(ITestOutputHelper output)
{
    private const string Cambs = "Cambridgeshire Constabulary";
    private const string Dyfed = "Dyfed-Powys Police";
    private const string Herts = "Hertfordshire Constabulary";
    private const string Lancs = "Lancashire Constabulary";
    private const string Mercia = "West Mercia Police";
    private const string National = "England and Wales";

    private static ExpectedClaim C(string kind, string measure, string force, string category, string period, string value) => new(kind, measure, force, category, period, value);

    private static readonly Dictionary<int, string> None = [];
    private static readonly Dictionary<string, string> NoExtras = [];

    /// <summary>The hand-written ledgers, one per article written for the tests.</summary>
    public static IReadOnlyList<LedgerCase> Cases { get; } =
    [
        new("cambridgeshire.txt", Cambs,
        [
            C("rising", "offences", Cambs, "", "", ""),                                   // headline: "big spike in crime"
            C("at_least", "offences", Cambs, "", "", "more than 500"),                    // no period in its own clause
            C("growth_pct", "offences", Cambs, "", "in the last three years", "73"),      // printed "over the last three years": same years
            C("total", "offences", Cambs, "", "since 2021", "513"),
            C("rising", "offences", Cambs, "", "since 2021", ""),                         // "rising year on year", in the 513 sentence
            C("count", "offences", Cambs, "stalking and harassment", "2023/24", "108"),   // "In the last year alone (between 2023/24)"
            C("count", "offences", Cambs, "violent crimes", "2023/24", "32"),             // same sentence, same period
            C("count", "offences", Cambs, "rape", "in the last year", "5"),               // "rape offences": the same HO subgroup as "rape"
            C("count", "offences", Cambs, "other sexual offences", "in the last year", "13"),
            C("most_common", "outcomes", Cambs, "evidential difficulties", "in the last year", ""),
            C("count", "outcomes", Cambs, "failed to identify the suspect", "2023/24", "18"),
            C("count", "outcomes", Cambs, "victim not supporting police action", "this year", "55"),
            C("count", "outcomes", Cambs, "victim did support police action but evidential difficulties", "", "44"),
            C("count", "charges", Cambs, "charge or summons", "", "12"),
            C("count", "outcomes", Cambs, "still under investigation", "", "12"),
            C("count", "outcomes", Cambs, "dealt with by a partner agency", "", "7"),
        ], None, NoExtras),
        new("dyfed-powys.txt", Dyfed,
        [
            C("growth_pct", "offences", Dyfed, "", "in the last three years", "doubled"),
            C("at_least", "offences", National, "", "since 2021", "more than 140,000"),
            C("count", "offences", Dyfed, "", "2021", "22"),
            C("count", "offences", Dyfed, "", "the year after", "42"),
            C("count", "offences", Dyfed, "", "this year so far", "42"),
            C("most_common", "outcomes", National, "evidential difficulties", "", ""),    // "Nationally, …"
            C("total", "offences", Dyfed, "", "in the last three years", "106"),
            C("total", "charges", Dyfed, "charges", "in the last three years", "no"),     // "over that time": the three years; a sum over them
            C("share", "offences", Dyfed, "inappropriate communication with a minor", "", "most"), // "most of": more than half (§4 share)
            C("count", "offences", Dyfed, "engaging in sexual communication with a child", "2023/24", "19"),
            C("count", "offences", Dyfed, "sending letters with intent to cause distress or anxiety", "", "9"),
            C("count", "offences", Dyfed, "stalking", "", "2"),
            C("count", "charges", Dyfed, "charges", "in the last year", "no"),
            C("most_common", "outcomes", Dyfed, "evidential difficulties", "in the last year", ""),
        ], None, NoExtras),
        new("hertfordshire.html", Herts,
        [
            C("rising", "offences", Herts, "", "", ""),                                   // headline: "sharp rise"
            C("growth_pct", "offences", Herts, "", "", "138"),
            C("count", "charges", Herts, "charges", "", "no"),
            C("at_least", "offences", National, "", "since 2021", "more than 140,000"),
            C("count", "offences", Herts, "", "2021", "37"),
            C("count", "offences", Herts, "", "the following year", "63"),                // "This rose to 63 the following year"
            C("count", "offences", Herts, "", "this year so far", "88"),                  // printed "So far this year"
            C("most_common", "outcomes", National, "evidential difficulties", "", ""),
            C("total", "offences", Herts, "", "in the last three years", "188"),
            C("rising", "offences", Herts, "", "in the last three years", ""),
        ], None, NoExtras),
        new("lancashire-gazette.txt", Lancs,
        [
            C("rising", "offences", Lancs, "", "", ""),                                   // headline: "Big rise in TikTok crime"
            C("at_least", "offences", National, "", "since 2021", "more than 140,000"),
            C("count", "offences", Lancs, "", "2021", "71"),
            C("count", "offences", Lancs, "", "the following year", "66"),
            C("growth_pct", "offences", Lancs, "", "this year", "48"),
            C("count", "offences", Lancs, "", "this year so far", "98"),
            C("count", "charges", Lancs, "charges", "this year", "three"),
            C("most_common", "outcomes", Lancs, "evidential difficulties", "this year", ""), // "the main reason given", same sentence
            C("total", "offences", Lancs, "", "in the last three years", "235"),
            C("total", "charges", Lancs, "charges or summons", "in the last three years", "three"), // "followed" the three-year total
            C("count", "offences", Lancs, "", "2023/24", "82"),
        ], None, NoExtras),
        new("lancashire-preston.md", Lancs,
        [
            C("rising", "offences", Lancs, "", "", ""),                                   // headline: "Rise in … crime reports"
            C("at_least", "offences", Lancs, "", "across three years", "more than 230"),
            C("share", "offences", Lancs, "malicious communications", "", "around one third"),
            C("count", "offences", Lancs, "harassment", "", "37"),
            C("count", "offences", Lancs, "", "2021", "71"),
            C("count", "offences", Lancs, "", "the following year", "66"),
            C("count", "offences", Lancs, "", "2023", "98"),
            C("rising", "offences", Lancs, "", "2023", ""),                               // "in the county and across England and Wales rose"
            C("rising", "offences", National, "", "2023", ""),
            C("count", "offences", Lancs, "taking, making or distributing indecent photographs or pseudo-photographs of children", "this year", "37"),
            C("rising", "offences", Lancs, "", "", ""),                                   // "figures are rising while charge numbers remain low"
            C("count", "charges", Lancs, "charges or summons", "", "three"),
            C("total", "offences", Lancs, "", "", "235"),                                 // the three-year total, named again
            C("most_common", "outcomes", National, "evidential difficulties", "", ""),
        ],
        new Dictionary<int, string>
        {
            [12] = "'the 235 alleged offences' has no period in its sentence: the reader knows it is the three-year total only from "
                + "the article's other sentences, so the draft writes a count with no period (drafted as -13)",
        },
        new Dictionary<string, string> { ["-13"] = "the 235 as a count, not a total: see the miss above" }),
        new("west-mercia.txt", Mercia,
        [
            C("rising", "offences", Mercia, "", "", ""),                                  // headline: "TikTok crime on the rise"
            C("count", "offences", Mercia, "", "", "hundreds"),                           // headline: "hundreds of crimes"
            C("at_least", "offences", Mercia, "", "", "more than 700"),
            C("at_least", "offences", National, "", "in the last three years", "more than 14,000"),
            C("growth_pct", "offences", National, "", "since 2021", "70"),                // "crimes such as …": examples, no category
        ], None, NoExtras),
        new("neighbouring-forces.txt", Herts,
        [
            C("total", "offences", Herts, "", "in the last three years", "188"),
            C("count", "offences", Herts, "", "this year so far", "88"),                  // "The force" after Hertfordshire
            C("total", "offences", Lancs, "", "in the last three years", "235"),
            C("count", "offences", Lancs, "", "this year so far", "98"),                  // "The force" now means Lancashire, not --force
            C("total", "offences", Dyfed, "", "in the last three years", "106"),
            C("total", "offences", Herts, "", "in the last three years", "188"),          // "Hertfordshire Police's 188" in Dyfed-Powys's sentence
            C("at_least", "offences", National, "", "since 2021", "more than 140,000"),
        ], None, NoExtras),
    ];

    public static TheoryData<LedgerCase> CaseData => new(Cases);

    private static readonly CategoryResolver Categories = new(Kit.Reference);

    internal static ClaimDraft Draft(string file, string force, string articleId = "t")
    {
        var article = ArticleReader.Read(Repo.PathOf($"tests/FoiKit.Tests/fixtures/drafting/{file}"));
        Assert.True(article.Ok, article.Error);
        return new ClaimDrafter(Kit.Reference, Kit.Data.FindRequest(Kit.RequestId)!, force).Draft(article.Value!, articleId);
    }

    internal static ClaimDraft DraftText(string text, string force = Cambs)
    {
        var article = ArticleReader.FromPlainText("test.txt", text);
        return new ClaimDrafter(Kit.Reference, Kit.Data.FindRequest(Kit.RequestId)!, force).Draft(article, "t");
    }

    /// <summary>True when a drafted row means what the hand-written claim means (§4, read with the kit's wording grammar).</summary>
    internal static bool Same(ExpectedClaim e, DraftClaim d) =>
        e.Kind == d.Kind && e.Measure == d.Measure && SameForce(e.Force, d.Force) && SameCategory(e, d.CategoryLabel)
        && SamePeriod(e.Period, d.PeriodLabel) && SameValue(e.Kind, e.Value, d.Value);

    private static bool SameForce(string a, string b)
    {
        if (ClaimsReader.IsNationalForce(a) || ClaimsReader.IsNationalForce(b)) return ClaimsReader.IsNationalForce(a) && ClaimsReader.IsNationalForce(b);
        var fa = Kit.Reference.Forces.Resolve(a);
        var fb = Kit.Reference.Forces.Resolve(b);
        return fa.Ok && fb.Ok && fa.Value!.Id == fb.Value!.Id;
    }

    private static bool SameCategory(ExpectedClaim e, string drafted)
    {
        if (e.Category.Length == 0 || drafted.Length == 0) return e.Category.Length == 0 && drafted.Length == 0;
        if (LabelKey.Of(e.Category) == LabelKey.Of(drafted)) return true;
        var measure = e.Measure == "offences" ? Measure.Offences : Measure.Outcomes;
        var a = Categories.Resolve(e.Category, measure);
        var b = Categories.Resolve(drafted, measure);
        return a.Level != CategoryLevel.Unresolved && a.Level == b.Level && a.Code == b.Code && a.Name == b.Name;
    }

    private static readonly PeriodContext Years = new(Kit.Data.FindRequest(Kit.RequestId)!.AllYears, PeriodBasis.TaxYear);

    private static bool SamePeriod(string a, string b)
    {
        if (PeriodWording.IsUnstated(a) || PeriodWording.IsUnstated(b)) return PeriodWording.IsUnstated(a) && PeriodWording.IsUnstated(b);
        if (LabelKey.Of(a) == LabelKey.Of(b)) return true;
        var ra = PeriodWording.Read(a, Years);
        var rb = PeriodWording.Read(b, Years);
        return ra.Ok && rb.Ok && ra.Years.SequenceEqual(rb.Years);
    }

    private static bool SameValue(string kind, string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return a.Length == 0 && b.Length == 0;
        if (LabelKey.Of(a) == LabelKey.Of(b)) return true;
        var scale = kind switch { "growth_pct" => ValueScale.Growth, "share" => ValueScale.Share, _ => ValueScale.Count };
        var ra = ValueWording.Read(a, scale);
        var rb = ValueWording.Read(b, scale);
        return ra.Ok && rb.Ok && ra.Allowed == rb.Allowed;
    }

    /// <summary>Pairs hand-ledger claims with drafted rows, in order, each row used once.</summary>
    internal static (List<(int Expected, DraftClaim Draft)> Pairs, List<int> Missed, List<DraftClaim> Extra) Compare(IReadOnlyList<ExpectedClaim> ledger, IReadOnlyList<DraftClaim> drafted)
    {
        var used = new HashSet<DraftClaim>();
        var pairs = new List<(int, DraftClaim)>();
        var missed = new List<int>();
        for (var i = 0; i < ledger.Count; i++)
        {
            var match = drafted.FirstOrDefault(d => !used.Contains(d) && Same(ledger[i], d));
            if (match is null) missed.Add(i);
            else
            {
                used.Add(match);
                pairs.Add((i, match));
            }
        }
        return (pairs, missed, drafted.Where(d => !used.Contains(d)).ToList());
    }

    [Theory]
    [MemberData(nameof(CaseData))]
    public void The_draft_of_each_test_article_means_what_its_hand_written_ledger_means(LedgerCase c)
    {
        var draft = Draft(c.File, c.Force);
        var (pairs, missed, extra) = Compare(c.Ledger, draft.Claims);
        foreach (var d in draft.Claims) output.WriteLine($"{d.ClaimId} {d.Kind} {d.Measure} {d.Force} [{d.CategoryLabel}] [{d.PeriodLabel}] [{d.Value}] {d.Note}");
        var unexplainedMisses = missed.Where(i => !c.Misses.ContainsKey(i)).Select(i => $"missed #{i + 1}: {c.Ledger[i]}").ToList();
        var unexplainedExtras = extra.Where(d => !c.Extras.Keys.Any(k => d.ClaimId.EndsWith(k, StringComparison.Ordinal))).Select(d => $"extra {d.ClaimId}: {d.Kind} {d.Measure} {d.Force} [{d.CategoryLabel}] [{d.PeriodLabel}] [{d.Value}]").ToList();
        Assert.True(unexplainedMisses.Count == 0 && unexplainedExtras.Count == 0, string.Join("\n", unexplainedMisses.Concat(unexplainedExtras)));
        // The differences the ledger explains really happen (else the explanation is stale).
        Assert.Equal(c.Misses.Keys.Order(), missed.Order());
        Assert.Equal(c.Extras.Count, extra.Count);
        // Claim ids are <article>-NN in reading order, and every row is a draft the sentence gave.
        Assert.Equal(Enumerable.Range(1, draft.Claims.Count).Select(n => $"t-{n:00}"), draft.Claims.Select(d => d.ClaimId));
        Assert.All(draft.Claims, d => Assert.False(string.IsNullOrWhiteSpace(d.Text)));
        Assert.Equal(pairs.Count + extra.Count, draft.Claims.Count);
    }

    /// <summary>
    /// Recall (hand-ledger claims the draft gives, meaning for meaning) and precision (drafted rows that are
    /// hand-ledger claims) over every article written for the tests; the figures are in docs/drafting.md.
    /// </summary>
    [Fact]
    public void Recall_and_precision_against_the_hand_written_ledgers_stay_above_their_floors()
    {
        int expected = 0, drafted = 0, matched = 0;
        foreach (var c in Cases)
        {
            var draft = Draft(c.File, c.Force);
            var (pairs, _, _) = Compare(c.Ledger, draft.Claims);
            expected += c.Ledger.Count;
            drafted += draft.Claims.Count;
            matched += pairs.Count;
            output.WriteLine($"{c.File}: {pairs.Count} of {c.Ledger.Count} hand-ledger claims drafted; {pairs.Count} of {draft.Claims.Count} drafted rows in the ledger");
        }
        var recall = (double)matched / expected;
        var precision = (double)matched / drafted;
        output.WriteLine($"all: recall {matched}/{expected} = {recall:P1}, precision {matched}/{drafted} = {precision:P1}");
        Assert.True(recall >= 0.95, $"recall {recall:P1}");
        Assert.True(precision >= 0.95, $"precision {precision:P1}");
    }

    // ---- page furniture and numbers that are not figures ----

    /// <summary>A sentence with one real figure and one hazard; the hazard is left out with its reason.</summary>
    public static TheoryData<string, string, string> Hazards => new()
    {
        { "Police recorded 40 offences in 2021, the year an 11-year-old boy was hurt.", "11", "an age" },
        { "Police recorded 40 offences in 2021 involving a victim aged 15.", "15", "an age" },
        { "Police recorded 40 offences in 2021. The report was published on 4 August 2024.", "4", "a date" },
        { "Police recorded 40 offences in 2021. The figures were released at 10.30am.", "10.30", "a time of day" },
        { "Police recorded 40 offences in 2021. Watch our bulletin on Freeview channel 276 tonight, when the figures are discussed.", "276", "a TV channel number" },
        { "Police recorded 40 offences in 2021. Anyone with information should call 101 or Crimestoppers on 0800 555 111.", "101", "a telephone number" },
        { "Police recorded 40 offences in 2021. Anyone with information should call 101 or Crimestoppers on 0800 555 111.", "0800", "a telephone number" },
        { "Police recorded 40 offences in 2021. A spokesperson said: “Our officers work 24/7 to keep people safe.”", "24", "24/7" },
        { "Police recorded 40 offences in 2021. The solicitor added: “If you are in danger, always dial 999 first.”", "999", "a telephone number" },
        { "Police recorded 40 offences in 2021. “We took 3 calls a week at one point,” the charity's founder said of her own helpline.", "3", "in a quote" },
        { "Police recorded 40 offences in 2021. In 2019 the app opened an office in London.", "2019", "a year or date outside the request's periods" },
        { "Police recorded 40 offences in 2021. The Online Safety Act 2023 gives the regulator new powers.", "2023", "the year in a law's name" },
        { "Police recorded 40 offences in 2021. Over 1 billion people use the app every month.", "1", "counts 'billion'" },
        { "Police recorded 40 offences in 2021.\n\n4 min read\n\nAdvertisement", "4", "a reading time" },
        { "Police recorded 40 offences in 2021.\n\nSign up to our newsletter for the 5 biggest stories every day", "5", "a sign-up" },
        { "Police recorded 40 offences in 2021.\n\nPhoto: Getty Images 1234567", "1234567", "an image credit" },
        { "Police recorded 40 offences in 2021.\n\nRead more: 7 things parents should know about the app", "7", "a link to other articles" },
        { "Police recorded 40 offences in 2021.\n\nAdvertisement\n\nSponsored content", "40", "" },
    };

    [Theory]
    [MemberData(nameof(Hazards))]
    public void Page_furniture_and_numbers_that_are_not_figures_are_left_out_with_their_reason(string text, string number, string reason)
    {
        var draft = DraftText(text);
        // The one figure of the request's subject is drafted, and nothing else.
        var claim = Assert.Single(draft.Claims);
        Assert.Equal(("count", "offences", "40"), (claim.Kind, claim.Measure, claim.Value));
        if (reason.Length == 0) return;
        var fate = Assert.Single(draft.Numbers, n => n.Printed == number && !n.Taken);
        Assert.Contains(reason, fate.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"{number} | ", fate.Line, StringComparison.Ordinal);
        Assert.Contains("left out: ", fate.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_number_of_the_text_is_accounted_for_in_the_explanation()
    {
        // Counted by hand in hertfordshire.html: the article's own figures (138, 140,000, 2021, 37, 63, 88, 188) and
        // the numbers of its furniture and quote (Freeview 276; the advert's 50 and 3; the dateline's 1, 2024, 10, 30 and 4;
        // the caption's 13, 17 and 1234567; the sign-up box's 10 and 7; the quote's 24, 7, 9 and 10; the age 12; the related
        // links' 3, 45 and 18; the footer's 12, 2024, 01234567, 0800, 123 and 4567; the sidebar's 6, 5 and 10).
        var draft = Draft("hertfordshire.html", Herts);
        var printed = draft.Numbers.Where(n => n.Reason != "a statement").Select(n => n.Printed).ToList();
        foreach (var n in new[] { "138%", "140,000", "37", "63", "88", "188", "276", "1234567", "01234567", "0800", "45", "12" }) Assert.Contains(n, printed);
        // The script's numbers (articleId 4725718, wordCount 412) are code, not text: never listed.
        Assert.DoesNotContain("4725718", printed);
        Assert.DoesNotContain("412", printed);
        Assert.All(draft.Numbers.Where(n => !n.Taken), n => Assert.False(string.IsNullOrWhiteSpace(n.Reason)));
        // Every drafted claim's value is one of the numbers taken.
        Assert.All(draft.Claims.Where(c => c.Value.Length > 0), c => Assert.Contains(draft.Numbers, n => n.ClaimId == c.ClaimId));
    }

    // ---- the subject of a figure ----

    [Fact]
    public void A_figure_belongs_to_the_force_its_sentence_names_and_the_force_refers_back()
    {
        var draft = DraftText("Lancashire Constabulary recorded 235 offences in the last three years.\n\nThe force logged 98 of them this year so far.\n\nA further 12 stalking offences were recorded in 2021.", Cambs);
        Assert.Equal([Lancs, Lancs, Cambs], draft.Claims.Select(c => c.Force));
        // "The force" refers back to Lancashire; the third sentence names no force and has no word pointing back:
        // --force, with a note that another force was named last.
        Assert.Contains("Lancashire Constabulary was named last", draft.Claims[2].Note, StringComparison.Ordinal);
        Assert.Equal("", draft.Claims[0].Note);
    }

    [Fact]
    public void A_sentence_naming_two_forces_says_so_in_the_note_and_the_row_is_still_written()
    {
        var draft = DraftText("Dyfed-Powys Police recorded 106 offences in the last three years, fewer than Hertfordshire Police's 188.");
        Assert.Equal(2, draft.Claims.Count);
        Assert.Equal([Dyfed, Herts], draft.Claims.Select(c => c.Force));
        Assert.All(draft.Claims, c => Assert.Contains("names Dyfed-Powys Police and Hertfordshire Constabulary", c.Note, StringComparison.Ordinal));
    }

    [Fact]
    public void A_national_figure_is_England_and_Wales_but_the_request_sent_to_every_force_is_not_a_subject()
    {
        var draft = DraftText("Requests to all police forces in England and Wales show Kent Police recorded 50 offences in 2022/23. Across England and Wales more than 140,000 crimes were linked to the app.");
        Assert.Equal(["Kent Police", National], draft.Claims.Select(c => c.Force));
        Assert.Equal("", draft.Claims[0].Note);
    }

    [Fact]
    public void Rising_year_on_year_and_rising_figures_are_told_apart()
    {
        var yearOnYear = Assert.Single(DraftText("Figures have risen year on year since 2021.").Claims);
        var figures = Assert.Single(DraftText("Figures are rising, the firm says.").Claims);
        Assert.Equal(("rising", "since 2021"), (yearOnYear.Kind, yearOnYear.PeriodLabel));
        Assert.Contains("every period above the one before", yearOnYear.Note, StringComparison.Ordinal);
        Assert.Equal("rising", figures.Kind);
        Assert.Contains("the last period above the first", figures.Note, StringComparison.Ordinal);
        // A denied rise is no claim.
        Assert.Empty(DraftText("Figures are no longer rising.").Claims);
    }

    [Fact]
    public void A_period_high_and_a_fall_are_read_with_the_kits_wording()
    {
        var high = Assert.Single(DraftText("This year's 98 offences were a three-year high.").Claims, c => c.Kind == "highest");
        Assert.Equal("", high.Value);
        var fall = Assert.Single(DraftText("Offences fell by 20% in the last three years.").Claims);
        Assert.Equal(("growth_pct", "-20"), (fall.Kind, fall.Value));
        Assert.Contains("a fall", fall.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_value_is_as_printed_and_reads_with_the_kits_value_grammar()
    {
        var draft = DraftText("Nearly 50 offences were recorded in 2022/23. Only nine charges followed. Offences have tripled since 2021. Around a quarter of the offences involved harassment.");
        Assert.Equal(["Nearly 50", "nine", "tripled", "Around a quarter"], draft.Claims.Select(c => c.Value));
        Assert.Equal(["count", "count", "growth_pct", "share"], draft.Claims.Select(c => c.Kind));
        Assert.Equal("charges", draft.Claims[1].Measure);
        Assert.Equal("harassment", draft.Claims[3].CategoryLabel);
        foreach (var c in draft.Claims)
        {
            var scale = c.Kind switch { "growth_pct" => ValueScale.Growth, "share" => ValueScale.Share, _ => ValueScale.Count };
            Assert.True(ValueWording.Read(c.Value, scale).Ok, c.Value);
        }
    }
}
