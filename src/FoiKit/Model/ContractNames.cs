using System.Text;

namespace FoiKit.Model;

/// <summary>
/// The contracts spell every enum value in snake_case (<c>FinancialYear</c> is
/// <c>financial_year</c>); this is the one place that spelling is made and read.
/// </summary>
internal static class ContractNames<T>
    where T : struct, Enum
{
    private static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(v => v, v => SnakeCase(v.ToString()));
    private static readonly Dictionary<string, T> Values = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    public static string Of(T value) => Names[value];

    /// <summary>Reads a contract spelling (case-insensitive); on failure <paramref name="value"/> is <paramref name="fallback"/>.</summary>
    public static bool TryParse(string? text, T fallback, out T value)
    {
        if (text is not null && Values.TryGetValue(text.Trim(), out value)) return true;
        value = fallback;
        return false;
    }

    private static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
