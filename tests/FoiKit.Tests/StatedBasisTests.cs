using FoiKit.Model;
using FoiKit.Read;
using FoiKit.Text;

namespace FoiKit.Tests;

/// <summary>
/// What a source says about its year basis. Every text below was written for the test; the
/// expected basis of each was decided by hand from the words (1 April to 31 March is a financial
/// year, 6 April to 5 April a tax year).
/// </summary>
public sealed class StatedBasisTests
{
    private static LabelledText Caption(string t) => new("caption of table 1", t, TextRole.Caption);

    private static LabelledText Header(string t) => new("column 1 of table 1", t, TextRole.ColumnHeader);

    private static LabelledText Row(int n, string t) => new($"row {n} of table 1", t, TextRole.RowLabel);

    private static LabelledText Notes(string t) => new("notes", t, TextRole.Notes);

    private static LabelledText Prose(string t) => new("letter", t, TextRole.Prose);

    [Theory]
    [InlineData("Offences by financial year", "financial_year", "financial year")]
    [InlineData("Year (April to March)", "financial_year", "April to March")]
    [InlineData("Year (1 April - 31 March)", "financial_year", "1 April - 31 March")]
    [InlineData("Offences by tax year", "tax_year", "tax year")]
    [InlineData("Years from 6 April to 5 April", "tax_year", "6 April to 5 April")]
    [InlineData("Offences by calendar year", "calendar_year", "calendar year")]
    [InlineData("Offences, January to December", "calendar_year", "January to December")]
    [InlineData("FY", "financial_year", "FY")]
    public void A_caption_or_header_states_a_basis(string text, string basis, string words)
    {
        var r = StatedBasisReader.Read([Caption(text)]);
        Assert.Equal(basis, r.Basis?.ToContract());
        var s = Assert.Single(r.Statements);
        Assert.Equal(words, s.Words);
        Assert.Equal("caption of table 1", s.Where);
        Assert.Null(r.Conflict);
    }

    [Theory]
    [InlineData("1st April 2021 to 31st March 2022", "financial_year", BasisStrength.Dates)]
    [InlineData("6th Apr 2021 to 5th Apr 2022", "tax_year", BasisStrength.Dates)]
    [InlineData("01/04/2022 - 31/03/2023", "financial_year", BasisStrength.Dates)]
    [InlineData("FY21/22", "financial_year", BasisStrength.Name)]
    [InlineData("Apr 2022 - Mar 2023", "financial_year", BasisStrength.Day)]
    public void A_row_label_states_a_basis(string label, string basis, object expected)
    {
        var strength = (BasisStrength)expected; // the enum is internal: a public test method takes it as object
        var r = StatedBasisReader.Read([Row(1, label)]);
        Assert.Equal(basis, r.Basis?.ToContract());
        Assert.Equal(strength, Assert.Single(r.Statements).Strength);
    }

    [Theory]
    [InlineData("Our figures run from 1 April each year.", "financial_year")]
    [InlineData("Each year runs to 31 March.", "financial_year")]
    [InlineData("Figures are for the year ending 31 March.", "financial_year")]
    [InlineData("The figures cover the year to March.", "financial_year")]
    [InlineData("Periods begin on 6 April.", "tax_year")]
    [InlineData("The force reports on full months.", "financial_year")]
    public void Prose_states_a_basis_by_a_start_or_end_day(string text, string basis)
    {
        var r = StatedBasisReader.Read([Notes(text)]);
        Assert.Equal(basis, r.Basis?.ToContract());
        Assert.Equal(BasisStrength.Day, Assert.Single(r.Statements).Strength);
    }

    [Theory]
    [InlineData("This letter was sent on 6 April 2024.")]                        // a date, not a period
    [InlineData("We received it on 1 April 2024 and replied on 6 April 2024.")] // two dates, joined by no range word
    [InlineData("The current financial year's budget does not allow more searches.")]
    [InlineData("This financial year the force moved to a new records system.")]
    [InlineData("FYI the figures are attached.")]
    [InlineData("Figures are not held by financial year.")]
    [InlineData("Please note that figures can change as investigations progress.")]
    public void Words_that_state_no_basis_are_not_read_as_one(string text)
    {
        var r = StatedBasisReader.Read([Prose(text)]);
        Assert.Null(r.Basis);
        Assert.Empty(r.Statements);
        Assert.Equal("the source states no year basis", r.Name);
    }

    [Fact]
    public void A_response_date_is_never_a_basis()
    {
        var r = StatedBasisReader.Read([new LabelledText("response_date", "6 April 2024", TextRole.Date)]);
        Assert.Empty(r.Statements);
    }

    [Fact]
    public void The_request_quoted_back_states_the_requests_basis_not_the_sources()
    {
        var quoted = new LabelledText("request", "How many offences? [Between April 6 - April 5 2021/22, 2022/23, 2023/24]", TextRole.RequestQuoted);
        Assert.Empty(StatedBasisReader.Read([quoted]).Statements);

        // In running text only the clause about the request is set aside.
        var r = StatedBasisReader.Read([Prose("You asked for figures from 6 April to 5 April, but our figures run from 1 April.")]);
        Assert.Equal(PeriodBasis.FinancialYear, r.Basis);
        Assert.Equal("run from 1 April", Assert.Single(r.Statements).Words);
    }

    [Fact]
    public void A_caption_and_a_note_that_agree_are_both_evidence()
    {
        // The case that went wrong: "by financial year" in the caption, full months in the notes,
        // and bare "2021/2022" columns that say nothing themselves.
        var r = StatedBasisReader.Read([
            Caption("TikTok-linked offences by financial year"),
            Header("2021/2022"),
            Notes("The force reports on full months."),
        ]);
        Assert.Equal(PeriodBasis.FinancialYear, r.Basis);
        Assert.Null(r.Conflict);
        Assert.Equal(["financial year", "full months"], r.Statements.Select(s => s.Words));
        Assert.Equal("the source states 1 April to 31 March years: 'financial year' (caption of table 1); 'full months' (notes)", r.Name);
    }

    [Fact]
    public void Explicit_dates_win_a_conflict_with_a_named_basis_and_the_conflict_is_reported()
    {
        var r = StatedBasisReader.Read([Header("Financial Year"), Row(3, "6 April 2023 - 5 April 2024")]);
        Assert.Equal(PeriodBasis.TaxYear, r.Basis);
        Assert.NotNull(r.Conflict);
        Assert.Equal(2, r.Conflict.Statements.Count);
        Assert.Contains("'6 April 2023 - 5 April 2024' (row 3 of table 1)", r.Conflict.Message, StringComparison.Ordinal);
        Assert.Contains("'Financial Year' (column 1 of table 1)", r.Conflict.Message, StringComparison.Ordinal);
        Assert.Contains("the explicit dates decide", r.Conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statements_of_equal_strength_that_disagree_leave_the_requests_basis()
    {
        var r = StatedBasisReader.Read([Caption("Offences by financial year"), Notes("Figures are given by tax year.")]);
        Assert.Null(r.Basis);
        Assert.NotNull(r.Conflict);
        Assert.Contains("neither statement is stronger, so the request's basis applies", r.Conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Full_months_rule_out_the_6_april_year_but_fit_calendar_years()
    {
        var against = StatedBasisReader.Read([Notes("We report on full months."), Row(1, "6 April 2021 to 5 April 2022")]);
        Assert.Equal(PeriodBasis.TaxYear, against.Basis);
        Assert.NotNull(against.Conflict);

        var fits = StatedBasisReader.Read([Notes("We report on whole months."), Caption("Offences by calendar year")]);
        Assert.Equal(PeriodBasis.CalendarYear, fits.Basis);
        Assert.Null(fits.Conflict);
    }

    [Fact]
    public void Dorsets_real_answer_states_the_6_april_year()
    {
        var t = TranscriptReader.Read(Repo.PathOf("data/responses/dorset.json"));
        Assert.True(t.Ok, t.Error);
        var texts = StatedBasisReader.TextsOf(t.Value!).ToList();
        var r = StatedBasisReader.Read(texts);
        // Its method notes say the year periods are printed as 6 April to 5 April.
        Assert.Equal(PeriodBasis.TaxYear, r.Basis);
        Assert.Null(r.Conflict);
        Assert.Contains(r.Statements, s => s.Where == "method_notes" && s.Strength == BasisStrength.Dates);
    }
}

public sealed class StatedBasisOnRealTranscriptsTests
{
    public static TheoryData<string> Transcripts()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Repo.PathOf("data/articles"), "*.json").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    /// <summary>
    /// The article transcripts' notes discuss the request's 6 April years and the articles'
    /// loose labels; none of that is the article stating a basis, so nothing is read from them.
    /// </summary>
    [Theory]
    [MemberData(nameof(Transcripts))]
    public void An_article_transcript_states_no_basis(string file)
    {
        var t = TranscriptReader.Read(Repo.PathOf($"data/articles/{file}"));
        Assert.True(t.Ok, t.Error);
        var r = StatedBasisReader.Read(StatedBasisReader.TextsOf(t.Value!));
        Assert.True(r.Statements.Count == 0, string.Join("; ", r.Statements));
    }
}
