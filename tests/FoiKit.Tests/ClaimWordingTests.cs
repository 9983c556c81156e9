using FoiKit.Text;

namespace FoiKit.Tests;

/// <summary>
/// Rising, highest, share and most-common wording. Every sentence is written for the test; the
/// expected reading of each was decided by hand from what the sentence claims.
/// </summary>
public sealed class ClaimWordingTests
{
    [Theory]
    [InlineData("Offences have risen year on year since 2021.", RiseKind.EveryPeriod, false)]
    [InlineData("Figures rose every year of the three.", RiseKind.EveryPeriod, false)]
    [InlineData("Reports increased steadily over the period.", RiseKind.EveryPeriod, false)]
    [InlineData("Crimes climbed year after year.", RiseKind.EveryPeriod, false)]
    [InlineData("The charity warns of rising figures.", RiseKind.LastAboveFirst, false)]
    [InlineData("Online harassment is on the rise in the county.", RiseKind.LastAboveFirst, false)]
    [InlineData("Recorded offences grew over three years.", RiseKind.LastAboveFirst, false)]
    [InlineData("Offences were up 40% on the first year.", RiseKind.LastAboveFirst, false)]
    [InlineData("Offences have been falling year on year.", RiseKind.EveryPeriod, true)]
    [InlineData("Recorded crimes fell over the period.", RiseKind.LastAboveFirst, true)]
    [InlineData("Figures are no longer rising.", RiseKind.None, false)]
    [InlineData("The table is made up of three years of figures.", RiseKind.None, false)]
    [InlineData("Up to 30 cases were reviewed.", RiseKind.None, false)]
    [InlineData("The posts gave rise to several complaints.", RiseKind.None, false)]
    [InlineData("The force recorded 120 offences in the period.", RiseKind.None, false)]
    public void Rising_year_on_year_and_rising_figures_are_different_readings(string sentence, object expected, bool falling)
    {
        var kind = (RiseKind)expected; // the enum is internal: a public test method takes it as object
        var r = ClaimWording.ReadRise(sentence);
        Assert.Equal(kind, r.Kind);
        if (kind != RiseKind.None) Assert.Equal(falling, r.Falling);
    }

    [Fact]
    public void A_rise_reading_is_named_for_the_note()
    {
        Assert.Equal("'rising' read as rising figures: the last period above the first (not year on year)",
            ClaimWording.ReadRise("The firm points to rising figures.").Name);
        Assert.Equal("'rising' with 'year on year' read as rising year on year: every period above the one before",
            ClaimWording.ReadRise("Figures have been rising year on year.").Name);
    }

    [Theory]
    [InlineData("Offences reached a three-year high in 2023/24.", HighScope.Periods, 3, false)]
    [InlineData("Reports hit a 3-year high last year.", HighScope.Periods, 3, false)]
    [InlineData("The county saw a record number of reports.", HighScope.Periods, null, false)]
    [InlineData("Cases peaked in the final year.", HighScope.Periods, null, false)]
    [InlineData("Offences fell to a two-year low.", HighScope.Periods, 2, true)]
    [InlineData("The force logged the highest number of image offences of any force in England and Wales.", HighScope.Forces, null, false)]
    [InlineData("The highest number of offences were for stalking.", HighScope.Categories, null, false)]
    [InlineData("The force recorded 98 offences.", HighScope.None, null, false)]
    public void Highest_wording_says_what_it_compares(string sentence, object expected, int? years, bool lowest)
    {
        var scope = (HighScope)expected;
        var r = ClaimWording.ReadHighest(sentence);
        Assert.Equal(scope, r.Scope);
        Assert.Equal(years, r.Years);
        if (scope != HighScope.None) Assert.Equal(lowest, r.Lowest);
    }

    [Theory]
    [InlineData("Around one third of the offences involved malicious messages.", "around one third", 30, 36.67)]
    [InlineData("Harassment made up 30% of the offences.", "30 %", 29.5, 30.5)]
    [InlineData("Half of the cases were closed without a suspect.", "half", 45, 55)]
    [InlineData("One in five offences involved a child.", "one in five", 18, 22)]
    [InlineData("Most of the offences involved messages to children.", "most", 50, 100)]
    [InlineData("Almost a third of reports were about stalking.", "almost a third", 30, 33.33)]
    public void A_share_is_found_and_read_with_the_value_reader(string sentence, string words, double low, double high)
    {
        var s = ClaimWording.FindShare(sentence);
        Assert.NotNull(s);
        Assert.Equal(words, s.Words);
        Assert.Equal((decimal)low, Math.Round(s.Value.Allowed.Low!.Value, 2));
        Assert.Equal((decimal)high, Math.Round(s.Value.Allowed.High!.Value, 2));
    }

    [Theory]
    [InlineData("The most common offence was harassment.")]     // 'most' with no 'of' is no share
    [InlineData("The force recorded 37 cases of harassment.")]  // a count, not a share
    [InlineData("Offences rose by 48 per cent.")]               // a percentage with no 'of' after it is a rise here
    public void Sentences_with_no_share(string sentence)
    {
        Assert.Null(ClaimWording.FindShare(sentence));
    }

    [Theory]
    [InlineData("Evidential difficulties were the most commonly cited reason.", MostCommonKind.Largest)]
    [InlineData("Harassment was the most common offence.", MostCommonKind.Largest)]
    [InlineData("The main reason for no further action was evidential difficulties.", MostCommonKind.Largest)]
    [InlineData("Most of the alleged offences involved communication with a minor.", MostCommonKind.Majority)]
    [InlineData("The majority of cases were closed.", MostCommonKind.Majority)]
    [InlineData("Stalking is among the top offences.", MostCommonKind.AmongTop)]
    [InlineData("Stalking was one of the most common offences.", MostCommonKind.AmongTop)]
    [InlineData("The force recorded 12 charges.", MostCommonKind.None)]
    public void Most_wording_is_the_largest_more_than_half_or_no_rank(string sentence, object expected)
    {
        var kind = (MostCommonKind)expected;
        Assert.Equal(kind, ClaimWording.ReadMostCommon(sentence).Kind);
    }
}
