using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Reference;

/// <summary>One Home Office offence classification (a row of <c>offences.csv</c>).</summary>
public sealed record OffenceCode(string Code, string Description, string Subgroup, string Group, string Confidence);

/// <summary>An extra wording the kit matches (a row of an aliases file).</summary>
public sealed record LabelAlias(string Label, CategoryLevel Level, string Target, string Note);

/// <summary>Home Office offence codes, subgroups and groups, plus the kit's list of common wordings.</summary>
public sealed class OffenceCatalogue
{
    private readonly Dictionary<string, OffenceCode> _byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Category> _byName = new(StringComparer.Ordinal);

    public OffenceCatalogue(IReadOnlyList<OffenceCode> codes, IReadOnlyList<LabelAlias> aliases)
    {
        Codes = codes;
        Aliases = aliases;
        foreach (var c in codes.Where(c => c.Code.Length > 0))
        {
            _byCode[c.Code] = c;
            // Counting-rules spelling: 4/4 for 4.4.
            _byCode.TryAdd(c.Code.Replace('.', '/'), c);
        }
        Subgroups = codes.Where(c => c.Subgroup.Length > 0).GroupBy(c => c.Subgroup)
            .ToDictionary(g => g.Key, g => g.First().Group, StringComparer.Ordinal);
        Groups = codes.Select(c => c.Group).Where(g => g.Length > 0).Distinct().ToList();

        // Names that match exactly one code resolve to it; a name shared by two codes does not.
        foreach (var byName in codes.Where(c => c.Code.Length > 0).GroupBy(c => LabelKey.Of(c.Description)))
            if (byName.Count() == 1) AddName(byName.Key, CodeCategory(byName.First()));
        foreach (var c in codes.Where(c => c.Code.Length > 0 && c.Description.EndsWith(" etc", StringComparison.OrdinalIgnoreCase)))
            AddName(LabelKey.Of(c.Description[..^4]), CodeCategory(c));
        foreach (var (sub, group) in Subgroups)
            AddName(LabelKey.Of(sub), new Category("", CategoryLevel.Subgroup, "", sub, sub, group));
        foreach (var g in Groups)
            AddName(LabelKey.Of(g), new Category("", CategoryLevel.Group, "", g, "", g));
        foreach (var a in aliases)
        {
            var target = a.Level switch
            {
                CategoryLevel.Code => _byCode.TryGetValue(a.Target, out var c) ? CodeCategory(c) : null,
                CategoryLevel.Subgroup => Subgroups.TryGetValue(a.Target, out var g) ? new Category("", CategoryLevel.Subgroup, "", a.Target, a.Target, g) : null,
                CategoryLevel.Group => Groups.Contains(a.Target) ? new Category("", CategoryLevel.Group, "", a.Target, "", a.Target) : null,
                _ => null,
            } ?? throw new InvalidDataException($"offence_aliases.csv: '{a.Label}' points at '{a.Target}', which is not a {a.Level.ToContract()} in offences.csv");
            _byName[LabelKey.Of(a.Label)] = target;
        }
    }

    public IReadOnlyList<OffenceCode> Codes { get; }

    public IReadOnlyList<LabelAlias> Aliases { get; }

    /// <summary>Subgroup → group.</summary>
    public IReadOnlyDictionary<string, string> Subgroups { get; }

    public IReadOnlyList<string> Groups { get; }

    /// <summary>Every name the catalogue resolves (as label keys): official names, groups and listed wordings, for finding them in running text.</summary>
    internal IEnumerable<string> NameKeys => _byName.Keys;

    public OffenceCode? FindCode(string code) => _byCode.GetValueOrDefault(code.Trim());

    /// <summary>A category by name (official description, subgroup, group or listed wording), or null.</summary>
    public Category? FindName(string label) => _byName.GetValueOrDefault(LabelKey.Of(label));

    private void AddName(string key, Category c)
    {
        if (key.Length > 0) _byName.TryAdd(key, c);
    }

    private static Category CodeCategory(OffenceCode c) => new("", CategoryLevel.Code, c.Code, c.Description, c.Subgroup, c.Group);

    public static OffenceCatalogue Load(string offencesCsv, string? aliasesCsv)
    {
        var csv = CsvFile.Load(offencesCsv);
        var missing = csv.MissingColumns("ho_code", "offence_description", "offence_subgroup", "offence_group");
        if (missing.Count > 0) throw new InvalidDataException($"{offencesCsv}: missing columns {string.Join(", ", missing)}");
        var codes = csv.Rows.Select(r => new OffenceCode(
            csv.Get(r, "ho_code").Trim(), csv.Get(r, "offence_description").Trim(),
            csv.Get(r, "offence_subgroup").Trim(), csv.Get(r, "offence_group").Trim(),
            csv.HasColumn("confidence") ? csv.Get(r, "confidence") : "")).ToList();
        return new OffenceCatalogue(codes, aliasesCsv is not null && File.Exists(aliasesCsv) ? LoadAliases(aliasesCsv) : []);
    }

    internal static List<LabelAlias> LoadAliases(string path)
    {
        var csv = CsvFile.Load(path);
        var missing = csv.MissingColumns("label", "level", "target");
        if (missing.Count > 0) throw new InvalidDataException($"{path}: missing columns {string.Join(", ", missing)}");
        return csv.Rows.Select(r =>
        {
            if (!CategoryLevelNames.TryParse(csv.Get(r, "level"), out var level) || level == CategoryLevel.Unresolved)
                throw new InvalidDataException($"{path}: '{csv.Get(r, "label")}' has level '{csv.Get(r, "level")}' (code, subgroup or group)");
            return new LabelAlias(csv.Get(r, "label"), level, csv.Get(r, "target"), csv.HasColumn("note") ? csv.Get(r, "note") : "");
        }).ToList();
    }
}
