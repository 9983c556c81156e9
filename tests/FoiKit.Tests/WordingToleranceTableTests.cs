using System.Globalization;
using FoiKit.Text;

namespace FoiKit.Tests;

/// <summary>
/// docs/wording.md prints the one tolerance table with its reasoning; the code holds the same
/// rows. These tests read the markdown table and compare it with the code, row by row, and check
/// that every word the table lists is read with its own row.
/// </summary>
public sealed class WordingToleranceTableTests
{
    private sealed record DocRow(string Key, IReadOnlyList<string> Words, string Rule, decimal Percent);

    private static List<DocRow> DocTable()
    {
        var lines = File.ReadAllLines(Repo.PathOf("docs/wording.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("### The tolerance table", StringComparison.Ordinal));
        Assert.True(start >= 0, "docs/wording.md has no '### The tolerance table' section");
        var rows = new List<DocRow>();
        foreach (var line in lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (!cells[1].StartsWith('`')) continue; // header and rule lines
            rows.Add(new DocRow(cells[1].Trim('`'), cells[2].Split(", ").ToList(), cells[3].Trim('`'), decimal.Parse(cells[4], CultureInfo.InvariantCulture)));
        }
        return rows;
    }

    [Fact]
    public void The_documented_table_is_the_code_table()
    {
        var doc = DocTable();
        Assert.Equal(WordingTolerances.All.Select(r => r.Key), doc.Select(r => r.Key));
        foreach (var (code, written) in WordingTolerances.All.Zip(doc))
        {
            Assert.Equal(code.Words, written.Words);
            Assert.Equal(code.Rule.ToContract(), written.Rule);
            Assert.Equal(code.Percent, written.Percent);
        }
    }

    public static TheoryData<string, string> ListedWords()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in WordingTolerances.All.Where(r => r != WordingTolerances.Exact))
            foreach (var w in row.Words)
                data.Add(row.Key, w);
        return data;
    }

    [Theory]
    [MemberData(nameof(ListedWords))]
    public void Every_listed_word_is_read_with_its_row(string key, string word)
    {
        var (text, scale) = key switch
        {
            "multiple" => (word.Replace("N", "3", StringComparison.Ordinal), ValueScale.Growth),
            "fraction" => (word.Replace("N", "5", StringComparison.Ordinal), ValueScale.Share),
            "majority" => (word, ValueScale.Share),
            "plural" => (word, ValueScale.Count),
            _ => (word.StartsWith("N", StringComparison.Ordinal) ? "50" + word[1..] : word + " 50", ValueScale.Count),
        };
        var r = ValueWording.Read(text, scale);
        Assert.True(r.Ok, r.Problem);
        Assert.Equal(key, r.Tolerance.Key);
    }
}
