using FoiKit.Testing.Renderings;
using FoiKit.Model;

namespace FoiKit.Documents.Tests;

/// <summary>Web pages: header rows of td, merged cells, captions, pages laid out with tables, furniture. Figures are Dorset's (test renderings).</summary>
public sealed class HtmlTests
{
    private static string Write(string html, string name = "page.html")
    {
        var path = Path.Combine(TestData.TempDir("html"), name);
        File.WriteAllText(path, html);
        return path;
    }

    private static string Page(string main) =>
        $"<!DOCTYPE html><html><head><title>Dorset Police</title></head><body><main><p>{DorsetLetters.Label}</p>{main}</main></body></html>";

    [Fact]
    public void A_header_of_two_rows_with_colspan_and_rowspan_gives_one_label_per_column()
    {
        // Question 1 printed wide: the years grouped under one spanning heading, "Measure" and "Total" spanning both header rows.
        var path = Write(Page("""
            <h2>Question 1</h2>
            <table>
            <tr><td rowspan="2">Measure</td><td colspan="3">Year (6 April to 5 April)</td><td rowspan="2">Total</td></tr>
            <tr><td>2021/22</td><td>2022/23</td><td>2023/24</td></tr>
            <tr><td>Offences logged</td><td>14</td><td>16</td><td>16</td><td>46</td></tr>
            </table>
            """));
        var answer = TestData.Extract(path);
        var t = Assert.Single(answer.Transcript.Tables);
        Assert.Equal(["Measure", "2021/22", "2022/23", "2023/24", "Total"], t.Columns);
        Assert.Equal([["Offences logged", "14", "16", "16", "46"]], TestData.Rows(t));
        Assert.Contains(answer.Transcript.Warnings, w => w.Message.Contains("groups columns 2-4 under 'Year (6 April to 5 April)'", StringComparison.Ordinal));

        // Normalised as the wide table it is: three yearly figures and a printed total (worked out by hand: 14 + 16 + 16 = 46).
        var (obs, rejects, _) = TestData.Normalise(answer.Transcript);
        Assert.Empty(rejects);
        Assert.Equal([("2021/22", 14L, ValueStatus.Reported), ("2022/23", 16L, ValueStatus.Reported), ("2023/24", 16L, ValueStatus.Reported), ("", 46L, ValueStatus.PrintedTotal)],
            obs.Select(o => (o.Period.FinancialYear?.Label ?? "", o.Value.Value!.Value, o.Value.Status)));
    }

    [Fact]
    public void A_label_merged_down_with_rowspan_applies_to_every_row_it_covers()
    {
        var (_, rows) = DorsetLetters.Table("1a");
        var body = string.Concat(rows.Select((r, i) => $"<tr>{(i == 0 ? $"<td rowspan=\"{rows.Count}\">2023/24</td>" : "")}<td>{r[0]}</td><td>{r[1]}</td></tr>"));
        var path = Write(Page($"<h3>1a) Nature of offences</h3><table><thead><tr><th>Year</th><th>Crime Description</th><th>Count</th></tr></thead><tbody>{body}</tbody></table>"));
        var t = Assert.Single(TestData.Extract(path).Transcript.Tables);
        Assert.Equal(["Year", "Crime Description", "Count"], t.Columns);
        Assert.Equal(rows.Select(r => new[] { "2023/24", r[0], r[1] }).ToList(), TestData.Rows(t));
        Assert.Equal("1a", t.Question);
    }

    [Fact]
    public void A_caption_element_is_the_caption_and_names_the_question()
    {
        var (c, rows) = DorsetLetters.Table("1a");
        var table = DorsetLetters.HtmlTable(c, rows).Replace("<table>", "<table><caption>Question 1a: offences by type, 2023/24</caption>", StringComparison.Ordinal);
        var path = Write(Page($"<p>The second table follows.</p>{table}"));
        var t = Assert.Single(TestData.Extract(path).Transcript.Tables);
        Assert.Equal("Question 1a: offences by type, 2023/24", t.Caption);
        Assert.Equal("1a", t.Question);
    }

    [Fact]
    public void A_page_laid_out_with_tables_gives_only_its_data_tables()
    {
        // The whole page is a two-column layout table: navigation with numbers on the left, the answer on the right.
        var (c1, r1) = DorsetLetters.Table("1");
        var (c1a, r1a) = DorsetLetters.Table("1a");
        var path = Write($"""
            <html><head><title>Dorset Police disclosure</title></head><body>
            <table width="100%"><tr>
              <td><p>Menu</p><p>101</p><p>2024</p><p>999</p></td>
              <td><p>{DorsetLetters.Label}</p><p>{DorsetLetters.Quoted}</p>
                <p><b>{DorsetLetters.Heading1}</b></p>{DorsetLetters.HtmlTable(c1, r1)}
                <p><b>{DorsetLetters.Heading1a}</b></p>{DorsetLetters.HtmlTable(c1a, r1a)}
                <p>{DorsetLetters.Rights}</p></td>
            </tr><tr><td>Contact</td><td>01632 960000</td></tr></table></body></html>
            """);
        var answer = TestData.Extract(path);
        Assert.Equal(["1", "1a"], answer.Transcript.Tables.Select(t => t.Question));
        Assert.Equal(r1, TestData.Rows(answer.Transcript.Tables[0]));
        Assert.Equal(r1a, TestData.Rows(answer.Transcript.Tables[1]));
        Assert.Contains("Menu", answer.Transcript.MethodNotes, StringComparison.Ordinal);
    }

    [Fact]
    public void Navigation_footer_scripts_and_styles_are_not_read_even_without_a_main_element()
    {
        var html = DorsetLetters.Html().Replace("<main>", "<div>", StringComparison.Ordinal).Replace("</main>", "</div>", StringComparison.Ordinal);
        var answer = TestData.Extract(Write(html));
        var notes = answer.Transcript.MethodNotes;
        foreach (var furniture in new[] { "Call 101", "2024 disclosures", "Switchboard", "Follow us", "counts", "padding", "document.write" })
            Assert.DoesNotContain(furniture, notes, StringComparison.Ordinal);
        Assert.Equal(2, answer.Transcript.Tables.Count); // the footer's "Follow us | 12,000" table is furniture
        Assert.Contains(DorsetLetters.Method, notes, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_cut_off_before_its_end_is_read_and_marked_truncated()
    {
        var html = DorsetLetters.Html();
        var cut = html[..html.IndexOf("<h2>" + DorsetLetters.Heading1a, StringComparison.Ordinal)];
        var answer = TestData.Extract(Write(cut));
        Assert.True(answer.Transcript.Truncated);
        Assert.Single(answer.Transcript.Tables);
        Assert.Contains(answer.Transcript.Warnings, w => w.Message.Contains("no closing </body> or </html>", StringComparison.Ordinal));
    }
}
