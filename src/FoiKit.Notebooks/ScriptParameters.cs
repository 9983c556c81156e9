namespace FoiKit.Notebooks;

/// <summary>
/// The script twins' command line: the notebooks' parameters (<c>--data</c>, <c>--force</c>, <c>--article</c>), with
/// the same defaults, and whatever else follows (notebook 05's answers). <c>dotnet run scripts/01-….cs -- --force
/// dorset</c>. The data folder defaults to the kit's own <c>data/</c>, found as <c>Study.Load()</c> finds it.
/// </summary>
/// <param name="Data">The study folder; null for the kit's data/.</param>
/// <param name="Force">The force (any spelling forces.csv knows).</param>
/// <param name="Article">The article whose claims are followed.</param>
/// <param name="Rest">The other arguments, in order.</param>
public sealed record ScriptParameters(string? Data, string Force, string Article, IReadOnlyList<string> Rest)
{
    /// <summary>The notebooks' default force.</summary>
    public const string DefaultForce = "cambridgeshire";

    /// <summary>The notebooks' default article.</summary>
    public const string DefaultArticle = "peterborough-today-cambridgeshire";

    /// <summary>Reads the arguments; <c>--name value</c> or <c>--name=value</c>.</summary>
    /// <exception cref="ArgumentException">An option without its value.</exception>
    public static ScriptParameters Parse(IReadOnlyList<string> args)
    {
        string? data = null;
        var force = DefaultForce;
        var article = DefaultArticle;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            if (name is not ("--data" or "--force" or "--article"))
            {
                rest.Add(arg);
                continue;
            }
            string value;
            if (eq > 0) value = arg[(eq + 1)..];
            else if (i + 1 < args.Count) value = args[++i];
            else throw new ArgumentException($"{name} needs a value (e.g. {name} {(name == "--data" ? "path/to/study" : name == "--force" ? "dorset" : "an-article-id")})");
            switch (name)
            {
                case "--data": data = value; break;
                case "--force": force = value; break;
                default: article = value; break;
            }
        }
        return new ScriptParameters(data, force, article, rest);
    }
}
