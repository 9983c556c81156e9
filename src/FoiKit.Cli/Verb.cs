using System.CommandLine;
using System.CommandLine.Parsing;

namespace FoiKit.Cli;

/// <summary>
/// One verb of <c>foi</c>: a System.CommandLine <see cref="System.CommandLine.Command"/> with its inputs and
/// options, the checks of the command line that the options alone cannot make, and what the verb does.
/// </summary>
/// <remarks>
/// A subclass declares its options in its constructor and keeps the work in <see cref="RunAsync"/> (or
/// in classes it calls from there), so that building every verb to parse a command line loads nothing
/// but this program, the kit's core and System.CommandLine.
/// </remarks>
internal abstract class Verb
{
    private readonly List<ValueOption> _values = [];

    protected Verb(string name, string summary, params string[] aliases)
    {
        Command = new Command(name, summary);
        foreach (var alias in aliases) Command.Aliases.Add(alias);
        Command.SetAction((parsed, cancellationToken) =>
            RunAsync(parsed, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancellationToken));
        Command.Validators.Add(Validate);
    }

    public Command Command { get; }

    public string Name => Command.Name;

    /// <summary>What <c>foi VERB --help</c> says below the summary (what it writes, where it looks), or null.</summary>
    public virtual string? Details => null;

    /// <summary>What follows "unexpected argument 'x'" when a verb that takes no inputs is given one.</summary>
    public virtual string UnexpectedArgumentHint => "";

    public bool TakesInputs => Inputs is not null;

    /// <summary>The file or folder inputs, when the verb takes any.</summary>
    protected Argument<string[]>? Inputs { get; private set; }

    public abstract Task<int> RunAsync(ParseResult parsed, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken);

    /// <summary>The verb's own checks, after every option's (e.g. "name at least one file"); null when the line is good.</summary>
    protected virtual string? Check(CommandResult result) => null;

    protected ValueOption Add(ValueOption option)
    {
        _values.Add(option);
        Command.Add(option);
        return option;
    }

    protected Option<bool> Flag(string name, string description, bool hidden = false)
    {
        var flag = new Option<bool>(name) { Description = description, Hidden = hidden };
        Command.Add(flag);
        return flag;
    }

    protected Argument<string[]> AddInputs(string helpName, string description)
    {
        Inputs = new Argument<string[]>("inputs") { HelpName = helpName, Description = description, Arity = ArgumentArity.ZeroOrMore };
        Command.Add(Inputs);
        return Inputs;
    }

    /// <summary>
    /// One sentence for the first thing wrong with the options, in the order a reader fixes them: each
    /// option as declared, then the verb's own checks. (Unknown options and arguments come before these:
    /// see <see cref="CommandTree.FirstProblem"/>.)
    /// </summary>
    private void Validate(CommandResult result)
    {
        var problem = _values.Select(v => v.Problem(result)).FirstOrDefault(p => p is not null) ?? Check(result);
        if (problem is not null) result.AddError(problem);
    }
}
