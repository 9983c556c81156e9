using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Text;

namespace FoiKit.Cli;

/// <summary>
/// The root command holding the verbs, its help text, and the choice of the one sentence a bad command
/// line gets. <c>--help</c> is System.CommandLine's option (<c>-h</c>, <c>--help</c>, <c>-?</c>) with the kit's own
/// layout (System.CommandLine keeps its help formatter internal): usage lines such as
/// <c>usage: foi normalise &lt;file or folder&gt;… --out &lt;tidy.csv&gt; …</c>, built from each verb's own options.
/// </summary>
internal static class CommandTree
{
    private const string ExitCodes = "exit codes: 0 all read (rejects allowed), 1 an input unusable or a step failed, 2 bad usage";

    /// <summary>Help lines are wrapped before this width.</summary>
    private const int Width = 100;

    public static RootCommand Build(IReadOnlyList<Verb> verbs)
    {
        var root = new RootCommand("The foi command: FOI answers to tidy rows, claims to verdicts, and the notebooks and report reproduced.");
        foreach (var verb in verbs) root.Add(verb.Command);
        var help = new HelpText(verbs);
        foreach (var option in root.Options.OfType<HelpOption>()) option.Action = help;
        return root;
    }

    /// <summary>The root help (every verb), as <c>foi --help</c> prints it.</summary>
    public static void WriteHelp(RootCommand root, IReadOnlyList<Verb> verbs, TextWriter output) => new HelpText(verbs).Write(root, output);

    /// <summary>
    /// The first thing wrong with a parsed command line, in one sentence, or null: a verb that does not
    /// exist, an option the verb does not have, an argument it does not take, then the verb's own checks.
    /// </summary>
    public static string? FirstProblem(ParseResult parsed, Verb? verb)
    {
        if (UnknownOption(parsed) is { } unknown) return $"unknown option '{unknown}'";
        if (parsed.UnmatchedTokens.Count > 0)
        {
            var token = parsed.UnmatchedTokens[0];
            if (verb is not null) return $"unexpected argument '{token}'{verb.UnexpectedArgumentHint}";
            var names = string.Join(", ", ((RootCommand)parsed.CommandResult.Command).Subcommands.Select(c => c.Name));
            return $"unknown verb '{token}' ({names})";
        }
        if (parsed.Errors.Count == 0) return null;
        return verb is null ? "name a verb" : parsed.Errors[0].Message;
    }

    /// <summary>True when help was asked for: it is shown whatever else is on the line.</summary>
    public static bool AsksForHelp(ParseResult parsed) => parsed.Action is HelpText;

    /// <summary>
    /// The first word on the line that looks like an option but is none of the verb's. System.CommandLine
    /// hands such a word to whatever takes values (the verb's inputs, or an option's values, as
    /// <c>--out a.csv --outt</c>); here it is an option the verb does not have. After <c>--</c> every word is
    /// a value, as usual; <c>-1</c> is a number, not an option.
    /// </summary>
    private static string? UnknownOption(ParseResult parsed)
    {
        foreach (var token in parsed.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) return null;
            if (token.Type == TokenType.Argument && LooksLikeOption(token.Value)) return token.Value;
        }
        return null;
    }

    private static bool LooksLikeOption(string word) =>
        word.Length > 1 && word[0] == '-' && (word[1] == '-' || char.IsLetter(word[1]));

    /// <summary>The usage line of a verb: its inputs, then its options as declared; optional ones in brackets.</summary>
    public static string Synopsis(Command command) => string.Join(' ', SynopsisParts(command));

    private static List<string> SynopsisParts(Command command)
    {
        var parts = new List<string> { command.Name };
        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
            parts.Add($"<{argument.HelpName ?? argument.Name}>{(argument.Arity.MaximumNumberOfValues > 1 ? "..." : "")}");
        foreach (var option in command.Options.Where(o => !o.Hidden && o is not HelpOption))
        {
            var text = option is ValueOption v ? $"{v.Name} <{v.HelpName}>{(v.Many ? "..." : "")}" : OptionalValue(option);
            parts.Add(option is ValueOption { IsRequired: true } ? text : $"[{text}]");
        }
        return parts;
    }

    /// <summary>A switch's name; one that may take a value says so: <c>--explain [&lt;file&gt;]</c>.</summary>
    private static string OptionalValue(Option option) =>
        option.HelpName is { } name && option.Arity.MaximumNumberOfValues == 1 && option.Arity.MinimumNumberOfValues == 0 ? $"{option.Name} [<{name}>]" : option.Name;

    private static string[] Words(string? text) => (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Words (or whole option groups) to lines of at most <see cref="Width"/> characters.</summary>
    private static string Wrap(IEnumerable<string> words, string firstIndent, string indent)
    {
        var lines = new StringBuilder();
        var line = new StringBuilder(firstIndent);
        var empty = true;
        foreach (var word in words)
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                lines.AppendLine(line.ToString());
                line.Clear().Append(indent);
                empty = true;
            }
            if (!empty) line.Append(' ');
            line.Append(word);
            empty = false;
        }
        return lines.Append(line).ToString();
    }

    /// <summary>The help of a command: the root lists the verbs; a verb gives its usage line, what it does, and its options.</summary>
    internal sealed class HelpText(IReadOnlyList<Verb> verbs) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
            return FoiCli.Ok;
        }

        public void Write(Command command, TextWriter o)
        {
            if (verbs.FirstOrDefault(v => ReferenceEquals(v.Command, command)) is { } verb) WriteVerb(verb, o);
            else WriteRoot(command, o);
            o.WriteLine();
            o.WriteLine(ExitCodes);
        }

        private void WriteRoot(Command root, TextWriter o)
        {
            o.WriteLine("usage: foi <verb> [options]");
            o.WriteLine();
            o.WriteLine(Wrap(Words(root.Description), "", ""));
            o.WriteLine();
            foreach (var verb in verbs)
            {
                o.WriteLine(Wrap(SynopsisParts(verb.Command), "  ", "        "));
                o.WriteLine(Wrap(Words(verb.Command.Description), "      ", "      "));
            }
            o.WriteLine();
            o.WriteLine("'foi <verb> --help' says more about each verb.");
        }

        private static void WriteVerb(Verb verb, TextWriter o)
        {
            o.WriteLine(Wrap(["usage: foi", .. SynopsisParts(verb.Command)], "", "         "));
            var aliases = verb.Command.Aliases.ToList();
            if (aliases.Count > 0) o.WriteLine($"       (also: foi {string.Join(", foi ", aliases)})");
            o.WriteLine();
            o.WriteLine(Wrap(Words(verb.Command.Description), "", ""));
            if (verb.Details is { } details)
            {
                o.WriteLine();
                o.WriteLine(details.TrimEnd());
            }
            o.WriteLine();
            o.WriteLine(verb.TakesInputs ? "options (name the files first: an option takes every value that follows it):" : "options:");
            var rows = verb.Command.Options.Where(x => !x.Hidden)
                .Select(x => (Label: x switch { ValueOption v => $"{v.Name} <{v.HelpName}>{(v.Many ? "..." : "")}", HelpOption => "-h, --help", _ => OptionalValue(x) }, Text: x.Description ?? ""))
                .ToList();
            rows.Add(("-h, --help", "this help"));
            var column = rows.Max(r => r.Label.Length) + 4;
            foreach (var (label, text) in rows)
                o.WriteLine(Wrap([$"  {label}".PadRight(column - 1), .. Words(text)], "", new string(' ', column)));
        }
    }
}
