using FoiKit.Model;
using FoiKit.Normalise;
using FoiKit.Read;

namespace FoiKit.Tests;

/// <summary>
/// A table that names no question is read as the one question of the request its shape fits (contract §7).
/// Checked against the real transcripts: with their question numbers taken away, every table's shape gives
/// back the question it was printed under.
/// </summary>
public sealed class QuestionByShapeTests
{
    public static TheoryData<string> ShippedTranscripts()
    {
        var data = new TheoryData<string>();
        foreach (var f in Shipped.In("responses").Concat(Shipped.In("articles"))) data.Add(f.File);
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedTranscripts))]
    public void Without_its_question_numbers_each_real_table_is_read_as_the_question_it_answers(string file)
    {
        var read = TranscriptReader.Read(Shipped.PathOf(file));
        Assert.True(read.Ok, read.Error);
        var printed = read.Value!;
        var unnumbered = printed with { Tables = printed.Tables.Select(t => t with { Question = "" }).ToList() };

        var prepared = new Normaliser(Kit.Data).Prepare(unnumbered);

        Assert.True(prepared.Ok, prepared.Error);
        var matched = prepared.Value!.Transcript;
        Assert.Equal(printed.Tables.Select(t => t.Question), matched.Tables.Select(t => t.Question));
        Assert.All(matched.Tables, t => Assert.Null(t.RejectReason));
        Assert.Equal(printed.Tables.Count, matched.Warnings.Count(w => w.Message.Contains("by its shape", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_table_that_names_its_question_is_left_as_it_is()
    {
        var n = Build.Run(Build.Table("1b", ["Offence", "Count"], ["Harassment", "6"]));

        // Printed as 1b: read as 1b (an outcome the lists do not know), not moved to 1a by its labels.
        Assert.Equal("1b", Assert.Single(n.Observations).Question);
        Assert.DoesNotContain(n.Warnings, w => w.Message.Contains("by its shape", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wide_table_of_one_series_is_read_as_the_by_period_question()
    {
        var n = Build.Run(Build.Table("", ["Offences recorded", "2021/22", "2022/23", "2023/24"], ["TikTok-linked crimes", "3", "5", "8"]));

        Assert.Equal(["1", "1", "1"], n.Observations.Select(o => o.Question));
        Assert.Equal([3L, 5L, 8L], n.Observations.Select(o => o.Value.Value!.Value));
        Assert.Contains(n.Warnings, w => w.Message.Contains("by its shape (periods) it is read as question 1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_headed_outcome_is_read_as_the_outcomes_question_even_when_its_labels_are_not_listed()
    {
        var n = Build.Run(Build.Table("", ["Outcome", "Count"], ["Words the lists do not know", "6"]));

        var o = Assert.Single(n.Observations);
        Assert.Equal(("1b", Measure.Outcomes), (o.Question, o.Measure));
    }
}
