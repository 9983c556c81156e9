using System.CommandLine;
using System.CommandLine.Parsing;
using FoiKit.Pipeline;
using FoiKit.Reference;

namespace FoiKit.Cli.Verbs;

/// <summary><c>foi draft-claims &lt;article&gt; --force &lt;name&gt; --article &lt;id&gt; --out &lt;claims.csv&gt; [--request &lt;id&gt;] [--explain [file]]</c> (contract §9).</summary>
internal sealed class DraftClaimsVerb : Verb
{
    private readonly ValueOption _force = new("--force", "name", "the force the article is about (any spelling in forces.csv, or England and Wales)", required: true);
    private readonly ValueOption _article = new("--article", "id", "the article's id: claims are numbered <id>-01, <id>-02, …", required: true, check: CheckId);
    private readonly ValueOption _out = new("--out", "claims.csv", "the draft claims file to write", required: true);
    private readonly ValueOption _request = new("--request", "id", "the request the article reports on (default: the kit's only one)");
    private readonly Option<string?> _explain = new("--explain")
    {
        Description = "also list every number in the text and what became of it (to the file named, else standard output)",
        HelpName = "file",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public DraftClaimsVerb()
        : base("draft-claims", "A draft claims file from an article as published (.txt, .md or .html), one row per figure or checkable statement, for a person to check.")
    {
        AddInputs("article", "the article (one at a time): plain text, Markdown or the web page");
        foreach (var option in new[] { _force, _article, _out, _request }) Add(option);
        Command.Add(_explain);
    }

    public override string? Details =>
        "Each row has the claim columns check-claims reads, plus review (draft) and draft_note (what the reader\n" +
        "was unsure of). Check each row: delete it, correct it, or mark it checked. Page furniture (adverts,\n" +
        "sign-up boxes, channel numbers, ages, dates, telephone numbers) is left out; --explain says why.";

    private static string? CheckId(string id) =>
        id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? null : $"--article '{id}' should be letters, digits, '-', '_' or '.' (it starts every claim id)";

    // One article at a time: its id numbers the claims.
    protected override string? Check(CommandResult result) => result.GetValue(Inputs!) switch
    {
        null or { Length: 0 } => "name the article to draft claims from",
        { Length: > 1 } many => $"name one article at a time (got {many.Length})",
        _ => null,
    };

    public override Task<int> RunAsync(ParseResult parsed, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        Task.FromResult(Run(parsed, stdout, stderr));

    private int Run(ParseResult parsed, TextWriter stdout, TextWriter stderr)
    {
        var article = parsed.GetValue(Inputs!)![0];
        var kit = KitData.LoadDefault();
        var force = DraftClaimsRun.ResolveForce(kit, _force.One(parsed)!);
        if (!force.Ok) throw new UsageException($"--force: {force.Error}");
        var request = DraftClaimsRun.ResolveRequest(kit, _request.One(parsed));
        if (!request.Ok) throw new UsageException(request.Error!);
        var outPath = _out.One(parsed)!;

        var explainFile = parsed.GetResult(_explain) is null ? null : parsed.GetValue(_explain);
        var explainToStdout = parsed.GetResult(_explain) is not null && explainFile is null;
        using var explainWriter = explainFile is null ? null : new StreamWriter(explainFile);
        var explain = explainToStdout ? stdout : explainWriter;

        var result = DraftClaimsRun.Run(kit, article, _article.One(parsed)!, force.Value!, request.Value!, outPath, explain);
        if (!result.Ok)
        {
            stderr.WriteLine($"error: {result.Error}");
            return FoiCli.Failed;
        }
        var s = result.Value!;
        if (s.Claims == 0) stderr.WriteLine($"note: {article}: no figure or checkable statement found");
        stdout.WriteLine($"drafted {s.Claims} claim(s) from {article} ({s.Format}): {s.NumbersTaken} number(s) taken, {s.NumbersLeftOut} left out -> {outPath}"
            + (explainFile is null ? "" : $" (explained in {explainFile})"));
        return FoiCli.Ok;
    }
}
