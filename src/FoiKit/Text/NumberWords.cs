using System.Globalization;

namespace FoiKit.Text;

/// <summary>Small counts as the press writes them ("three years"), for wording that depends on how many years a request covers.</summary>
internal static class NumberWords
{
    private static readonly string[] Words =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>"three" for 3; digits past twelve.</summary>
    public static string Of(int n) => n >= 0 && n < Words.Length ? Words[n] : n.ToString(CultureInfo.InvariantCulture);
}
