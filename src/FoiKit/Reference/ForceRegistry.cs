using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Reference;

/// <summary>The 44 forces of <c>forces.csv</c>, found by official name, id or any alias.</summary>
public sealed class ForceRegistry
{
    private readonly Dictionary<string, Force> _byKey;

    public ForceRegistry(IReadOnlyList<Force> forces)
    {
        All = forces;
        _byKey = new Dictionary<string, Force>(StringComparer.Ordinal);
        foreach (var f in forces)
        {
            foreach (var name in f.Aliases.Append(f.OfficialName).Append(f.Id))
            {
                var key = LabelKey.Of(name);
                if (key.Length == 0) continue;
                if (_byKey.TryGetValue(key, out var other) && other.Id != f.Id)
                    throw new InvalidDataException($"forces.csv: the name '{name}' belongs to both {other.Id} and {f.Id}");
                _byKey[key] = f;
            }
        }
    }

    public IReadOnlyList<Force> All { get; }

    public Force this[string id] => All.First(f => f.Id == id);

    /// <summary>Finds a force by any common spelling; case and punctuation do not matter.</summary>
    public Parsed<Force> Resolve(string? printed)
    {
        var key = LabelKey.Of(printed);
        if (key.Length == 0) return Parsed<Force>.Fail("no force is named");
        if (_byKey.TryGetValue(key, out var f)) return Parsed<Force>.Success(f);
        // "Cambridgeshire Police Force", "the Dorset Police": drop words that do not identify a force.
        var trimmed = string.Join(' ', key.Split(' ').Where(w => w is not ("the" or "force" or "service")));
        if (_byKey.TryGetValue(trimmed, out f)) return Parsed<Force>.Success(f);
        return Parsed<Force>.Fail($"'{printed}' is not a police force in forces.csv (official names and aliases)");
    }

    public static ForceRegistry Load(string path)
    {
        var csv = CsvFile.Load(path);
        var missing = csv.MissingColumns("force_id", "official_name", "common_aliases", "ons_code", "country", "region", "is_territorial");
        if (missing.Count > 0) throw new InvalidDataException($"{path}: missing columns {string.Join(", ", missing)}");
        var forces = csv.Rows.Select(r => new Force(
            csv.Get(r, "force_id"),
            csv.Get(r, "official_name"),
            csv.Get(r, "common_aliases").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Concat(new[] { csv.Get(r, "ons_pfa23_name"), csv.Get(r, "home_office_force_name") }.Where(s => s.Length > 0))
                .Distinct().ToList(),
            csv.Get(r, "ons_code"),
            csv.Get(r, "country"),
            csv.Get(r, "region"),
            csv.Get(r, "is_territorial").Equals("yes", StringComparison.OrdinalIgnoreCase))).ToList();
        return new ForceRegistry(forces);
    }
}
