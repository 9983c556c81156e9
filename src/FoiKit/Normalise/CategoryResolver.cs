using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using FoiKit.Model;
using FoiKit.Reference;

namespace FoiKit.Normalise;

/// <summary>
/// Resolves a printed offence or outcome label as far as the Home Office lists allow: a glued
/// code ("8L - Harassment", "OC16"), an official name, a listed FOI wording, a subgroup or a
/// group. Anything else stays <see cref="CategoryLevel.Unresolved"/>: the kit never guesses.
/// </summary>
internal sealed partial class CategoryResolver
{
    private readonly ReferenceData _reference;
    private readonly Dictionary<(Measure, string), Category> _cache = [];

    public CategoryResolver(ReferenceData reference) => _reference = reference;

    // The labels resolved last, by reference: a response prints the same few labels row after row,
    // and the reader gives a label printed again as the same string, so most rows are answered here
    // without hashing the text (direct-mapped, bounded).
    private readonly (string? Label, Measure Measure, Category? Category)[] _recent = new (string?, Measure, Category?)[256];

    public Category Resolve(string label, Measure measure)
    {
        ref var recent = ref _recent[RuntimeHelpers.GetHashCode(label) & (256 - 1)];
        if (ReferenceEquals(recent.Label, label) && recent.Measure == measure) return recent.Category!;
        if (string.IsNullOrWhiteSpace(label)) return Category.None;
        if (!_cache.TryGetValue((measure, label), out var result))
        {
            var found = measure == Measure.Offences ? ResolveOffence(label) : ResolveOutcome(label);
            result = (found ?? Category.Unresolved(label)) with { Label = label };
            if (_cache.Count < 100_000) _cache[(measure, label)] = result;
        }
        recent = (label, measure, result);
        return result;
    }

    private Category? ResolveOffence(string label)
    {
        var offences = _reference.Offences;
        var t = label.Trim();
        foreach (var m in new[] { OffenceCodeFirst().Match(t), OffenceCodeLast().Match(t) })
        {
            if (m.Success && offences.FindCode(m.Groups["code"].Value) is { } code)
                return new Category("", CategoryLevel.Code, code.Code, code.Description, code.Subgroup, code.Group);
        }
        return offences.FindName(t) ?? offences.FindName(StripOffenceWords(t));
    }

    private Category? ResolveOutcome(string label)
    {
        var outcomes = _reference.Outcomes;
        var t = label.Trim();
        foreach (var m in new[] { OutcomePrefixed().Match(t), OutcomeCodeFirst().Match(t), OutcomeCodeLast().Match(t) })
        {
            if (m.Success && outcomes.FindCode(m.Groups["code"].Value) is { } type)
                return new Category("", CategoryLevel.Code, type.Code, type.ShortName, type.HoGroup, type.BroadGroup);
        }
        return outcomes.FindName(t);
    }

    private static string StripOffenceWords(string label) => TrailingOffenceWords().Replace(label, "").Trim();

    // "8L - Harassment", "8L Harassment", "8L: Harassment", "8L", "4/4 Causing death…", "105A".
    [GeneratedRegex(@"^\(?(?<code>\d{1,3}[A-Za-z]?(?:[./]\d{1,2})?|AF)\)?(?:\s*[-\u2013:.)]\s*|\s+|$)", RegexOptions.CultureInvariant)]
    private static partial Regex OffenceCodeFirst();

    // "Harassment (8L)", "Harassment - 8L".
    [GeneratedRegex(@"(?:\(|\s-\s)(?<code>\d{1,3}[A-Za-z]?(?:[./]\d{1,2})?)\)?$", RegexOptions.CultureInvariant)]
    private static partial Regex OffenceCodeLast();

    // "Outcome 16", "Outcome type 16", "OC16", "OC 1A", "O/C 18".
    [GeneratedRegex(@"^(?:outcome(?:\s*type)?|oc|o/c)\s*(?<code>\d{1,2}[A-Za-z]?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutcomePrefixed();

    // "16 - Evidential difficulties…", "16: …", "16".
    [GeneratedRegex(@"^(?<code>\d{1,2}[A-Za-z]?)(?:\s*[-\u2013:.)]\s*|\s+|$)", RegexOptions.CultureInvariant)]
    private static partial Regex OutcomeCodeFirst();

    // "… (OC16)", "… (Outcome 16)", "… (16)".
    [GeneratedRegex(@"\((?:outcome\s*|oc\s*)?(?<code>\d{1,2}[A-Za-z]?)\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutcomeCodeLast();

    [GeneratedRegex(@"\s*\b(offences?|crimes?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingOffenceWords();
}
