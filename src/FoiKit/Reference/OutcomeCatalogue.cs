using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Reference;

/// <summary>One Home Office outcome type (a row of <c>outcomes.csv</c>).</summary>
/// <param name="Code">"16", "1A".</param>
/// <param name="ShortName">Short description.</param>
/// <param name="HoGroup">The Home Office outcome group.</param>
/// <param name="BroadGroup">The kit's broad group ("evidential difficulties").</param>
/// <param name="ParentCode">For "of which" subtypes (1A → 1).</param>
/// <param name="FoiLabels">Labels forces have printed for it.</param>
public sealed record OutcomeType(string Code, string ShortName, string HoGroup, string BroadGroup, string ParentCode, IReadOnlyList<string> FoiLabels);

/// <summary>Home Office outcome types, their groups, and the kit's broad groups.</summary>
public sealed class OutcomeCatalogue
{
    private readonly Dictionary<string, OutcomeType> _byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Category> _byName = new(StringComparer.Ordinal);

    public OutcomeCatalogue(IReadOnlyList<OutcomeType> types, IReadOnlyList<LabelAlias> aliases)
    {
        Types = types;
        foreach (var t in types) _byCode[t.Code] = t;
        foreach (var t in types)
        {
            Add(t.ShortName, CodeCategory(t));
            foreach (var l in t.FoiLabels) Add(l, CodeCategory(t));
        }
        foreach (var g in types.Where(t => t.HoGroup.Length > 0).GroupBy(t => t.HoGroup))
            Add(g.Key, SubgroupCategory(g.Key));
        foreach (var g in types.Select(t => t.BroadGroup).Where(g => g.Length > 0).Distinct())
            Add(g, new Category("", CategoryLevel.Group, "", g, "", g));
        foreach (var a in aliases)
        {
            var target = a.Level switch
            {
                CategoryLevel.Code => _byCode.TryGetValue(a.Target, out var t) ? CodeCategory(t) : null,
                CategoryLevel.Subgroup => types.Any(t => t.HoGroup == a.Target) ? SubgroupCategory(a.Target) : null,
                CategoryLevel.Group => types.Any(t => t.BroadGroup == a.Target) ? new Category("", CategoryLevel.Group, "", a.Target, "", a.Target) : null,
                _ => null,
            } ?? throw new InvalidDataException($"outcome_aliases.csv: '{a.Label}' points at '{a.Target}', which is not a {a.Level.ToContract()} in outcomes.csv");
            _byName[LabelKey.Of(a.Label)] = target;
        }
    }

    public IReadOnlyList<OutcomeType> Types { get; }

    /// <summary>Every name the catalogue resolves (as label keys): official names, groups and listed wordings, for finding them in running text.</summary>
    internal IEnumerable<string> NameKeys => _byName.Keys;

    public OutcomeType? FindCode(string code) => _byCode.GetValueOrDefault(code.Trim());

    public Category? FindName(string label) => _byName.GetValueOrDefault(LabelKey.Of(label));

    /// <summary>The kit's broad group of a Home Office outcome group, when all its types share one.</summary>
    public string BroadGroupOf(string hoGroup)
    {
        var groups = Types.Where(t => t.HoGroup == hoGroup).Select(t => t.BroadGroup).Distinct().ToList();
        return groups.Count == 1 ? groups[0] : "";
    }

    private Category SubgroupCategory(string hoGroup) => new("", CategoryLevel.Subgroup, "", hoGroup, hoGroup, BroadGroupOf(hoGroup));

    private static Category CodeCategory(OutcomeType t) => new("", CategoryLevel.Code, t.Code, t.ShortName, t.HoGroup, t.BroadGroup);

    private void Add(string name, Category c)
    {
        var key = LabelKey.Of(name);
        if (key.Length > 0) _byName.TryAdd(key, c);
    }

    public static OutcomeCatalogue Load(string outcomesCsv, string? aliasesCsv)
    {
        var csv = CsvFile.Load(outcomesCsv);
        var missing = csv.MissingColumns("outcome_code", "outcome_short_name", "ho_outcome_group", "kit_broad_group");
        if (missing.Count > 0) throw new InvalidDataException($"{outcomesCsv}: missing columns {string.Join(", ", missing)}");
        var types = csv.Rows.Select(r => new OutcomeType(
            csv.Get(r, "outcome_code").Trim(), csv.Get(r, "outcome_short_name").Trim(),
            csv.Get(r, "ho_outcome_group").Trim().TrimEnd('.'), csv.Get(r, "kit_broad_group").Trim(),
            csv.HasColumn("parent_code") ? csv.Get(r, "parent_code").Trim() : "",
            csv.HasColumn("foi_label_examples")
                ? csv.Get(r, "foi_label_examples").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [])).ToList();
        return new OutcomeCatalogue(types, aliasesCsv is not null && File.Exists(aliasesCsv) ? OffenceCatalogue.LoadAliases(aliasesCsv) : []);
    }
}
