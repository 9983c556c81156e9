using System.CommandLine;
using FoiKit.Pipeline;

namespace FoiKit.Cli.Verbs;

/// <summary>
/// <c>foi new-study &lt;folder&gt;</c>: lays out an empty study folder (responses/, articles/, claims/ with a claims
/// template, a README of the layout and the next commands) for <c>foi reproduce --data</c>. Never overwrites: the
/// folder must be new or empty. The layout itself is <see cref="StudyFolder.Create"/>'s.
/// </summary>
internal sealed class NewStudyVerb : Verb
{
    public NewStudyVerb()
        : base("new-study", "Lays out an empty study folder for your own material: responses/, articles/, claims/ (with a template), a README.")
    {
        AddInputs("folder", "the new folder (it may exist, but must be empty)");
    }

    public override string Details => """
        Writes into the folder:
          README.md                      the layout, what goes where, and the next commands
          responses/                     each force's own answer (transcript, or CSV/XLSX with a sidecar)
          articles/                      the figures a newspaper printed, as transcripts
          claims/template.csv            the claims columns (contract §4), no claims yet
          claims/README.md               what each column holds, with a made-up example row
        Then: foi reproduce --data <folder> --force <force> --article <article id>.
        Exit code 2 when the folder is not empty (nothing is overwritten).
        """;

    protected override string? Check(System.CommandLine.Parsing.CommandResult result) =>
        result.GetValue(Inputs!) is { Length: 1 } ? null : "name one folder to lay out";

    public override Task<int> RunAsync(ParseResult parsed, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var folder = parsed.GetValue(Inputs!)![0];
        if (File.Exists(folder)) throw new UsageException($"{folder} is a file: name a new or empty folder");
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new UsageException($"{folder} is not empty: new-study lays out a new or empty folder, so nothing is overwritten");
        StudyFolder.Create(folder);
        stdout.WriteLine($"new study: {folder} (README.md, responses/, articles/, claims/{StudyFolder.ClaimsTemplate}, claims/README.md)");
        stdout.WriteLine($"next: add answers to {folder}/responses/, article transcripts to {folder}/articles/ and claims to {folder}/claims/, then");
        stdout.WriteLine($"      foi reproduce --data {folder} --force <force> --article <article id> --out out");
        return Task.FromResult(FoiCli.Ok);
    }
}
