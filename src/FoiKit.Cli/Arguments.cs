namespace FoiKit.Cli;

/// <summary>A small parser for "positional... --option value --flag" command lines.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    /// <param name="args">The arguments after the verb.</param>
    /// <param name="valueOptions">Options that take values (several values may follow one option).</param>
    /// <param name="flags">Options that take none.</param>
    public Arguments(string[] args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags)
    {
        string? current = null;
        foreach (var a in args)
        {
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                if (flags.Contains(a)) { _flags.Add(a); current = null; continue; }
                if (!valueOptions.Contains(a)) throw new UsageException($"unknown option '{a}'");
                current = a;
                if (!_options.ContainsKey(a)) _options[a] = [];
                continue;
            }
            if (current is null) Positional.Add(a);
            else _options[current].Add(a);
        }
        foreach (var (name, values) in _options)
            if (values.Count == 0) throw new UsageException($"{name} needs a value");
    }

    public List<string> Positional { get; } = [];

    public bool Flag(string name) => _flags.Contains(name);

    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var v) ? v : [];

    /// <summary>The single value of an option; more than one is a usage error.</summary>
    public string? One(string name)
    {
        var v = All(name);
        if (v.Count > 1) throw new UsageException($"{name} takes one value, got {v.Count}");
        return v.Count == 1 ? v[0] : null;
    }

    public string Required(string name) => One(name) ?? throw new UsageException($"{name} is required");
}
