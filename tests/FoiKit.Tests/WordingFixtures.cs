using FoiKit.Text;

namespace FoiKit.Tests;

/// <summary>The hand-worked wording tables in fixtures/wording/, one theory case per row.</summary>
internal static class WordingFixtures
{
    /// <summary>The 0-based index of every data row of a fixture table (a theory reads the row itself, so a failure names it).</summary>
    public static TheoryData<int> RowIndexes(string path)
    {
        var data = new TheoryData<int>();
        var rows = CsvFile.Load(path).Rows.Count;
        for (var i = 0; i < rows; i++) data.Add(i);
        return data;
    }
}
