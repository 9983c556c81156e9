using System.CommandLine;
using System.CommandLine.Parsing;

namespace FoiKit.Cli;

/// <summary>
/// An option that takes a value: a path, a folder, a number. Several values may follow one option
/// (<c>--claims a.csv b.csv</c>) and an option may be repeated (<c>--claims a.csv --claims b.csv</c>);
/// an option that takes one value says so when given more, rather than handing the extra value to the
/// verb's inputs (<c>--out a.csv b.csv</c> is a mistake, not a request to normalise b.csv).
/// </summary>
/// <remarks>
/// Arity and "required" are checked here rather than by System.CommandLine's own rules so that each
/// problem is one sentence in the kit's words ("--out is required", "--out needs a value").
/// </remarks>
internal sealed class ValueOption : Option<string[]>
{
    private readonly Func<string, string?>? _check;

    /// <param name="name">The option, e.g. <c>--out</c>.</param>
    /// <param name="valueName">What the value is, shown in help: <c>tidy.csv</c>, <c>folder</c>.</param>
    /// <param name="description">One line for help.</param>
    /// <param name="many">Several values allowed.</param>
    /// <param name="required">The verb cannot run without it.</param>
    /// <param name="check">A value's own check: null when good, else what is wrong in a sentence.</param>
    public ValueOption(string name, string valueName, string description, bool many = false, bool required = false, Func<string, string?>? check = null)
        : base(name)
    {
        Description = description;
        HelpName = valueName;
        Arity = ArgumentArity.ZeroOrMore;
        AllowMultipleArgumentsPerToken = true;
        Many = many;
        IsRequired = required;
        _check = check;
    }

    public bool Many { get; }

    public bool IsRequired { get; }

    /// <summary>The one value, or null when the option was not given.</summary>
    public string? One(ParseResult parsed) => parsed.GetValue(this) is [var one] ? one : null;

    /// <summary>Every value given, in order.</summary>
    public IReadOnlyList<string> All(ParseResult parsed) => parsed.GetValue(this) ?? [];

    /// <summary>What is wrong with this option on the command line, or null.</summary>
    public string? Problem(CommandResult command)
    {
        var result = command.GetResult(this);
        if (result is null) return IsRequired ? $"{Name} is required" : null;
        var values = result.Tokens;
        if (values.Count == 0) return $"{Name} needs a value";
        if (!Many && values.Count > 1) return $"{Name} takes one value, got {values.Count}";
        return _check is null ? null : values.Select(v => _check(v.Value)).FirstOrDefault(p => p is not null);
    }
}
