using FoiKit.Testing.Renderings;
using FoiKit.Tests;

namespace FoiKit.Cli.Tests;

/// <summary>
/// <c>foi normalise</c>, <c>foi extract</c>, <c>foi check-claims</c> and <c>foi draft-claims</c> stay light: run as the built program (a fresh process, as a
/// user runs it), they load neither the notebook runner nor what it brings (.NET Interactive, Roslyn,
/// FSharp.Compiler.Service), nor the charts' browser driver. The program lists what it loaded when
/// FOIKIT_LOADED_ASSEMBLIES names a file (src/FoiKit.Cli/LoadedAssemblies.cs); that reproduce does load the
/// runner, so the list would show it, is checked in tests/FoiNotebooks.Tests (ReproduceTests).
/// </summary>
public class LightProgramTests
{
    /// <summary>Assembly name prefixes only reproduce (and bench's notebook timing) may load.</summary>
    private static readonly string[] Heavy =
    [
        "Microsoft.DotNet.Interactive", "Microsoft.CodeAnalysis", "FSharp.Compiler.Service", "FoiKit.NotebookRunner",
        "FoiKit.Bench.Macro", "PuppeteerSharp", "Plotly.NET",
    ];

    /// <summary>
    /// A command line, and its exit code: the light verbs at work (<c>{pdf}</c> is a PDF letter written for the
    /// run), and help and a usage error (which load no verb's work).
    /// </summary>
    public static TheoryData<string[], int> LightLines => new()
    {
        { ["normalise", "data/", "--out", "{tmp}/tidy.csv"], 0 },
        { ["extract", "{pdf}", "--request", "legal-expert-tiktok-2024", "--force", "Dorset", "--out", "{tmp}/drafts"], 0 },
        { ["normalise", "{pdf}", "--request", "legal-expert-tiktok-2024", "--force", "Dorset", "--out", "{tmp}/letter.csv"], 0 },
        { ["check-claims", "--claims", "data/claims", "--out", "{tmp}/verdicts.csv"], 0 },
        { ["draft-claims", "tests/FoiKit.Tests/fixtures/drafting/hertfordshire.html", "--force", "Herts Police", "--article", "h", "--out", "{tmp}/claims.csv", "--explain"], 0 },
        { ["draft-claims", "tests/FoiKit.Tests/fixtures/drafting/lancashire-preston.md", "--force", "Lancashire", "--article", "p", "--out", "{tmp}/claims.csv"], 0 },
        { ["reproduce", "--help"], 0 },
        { ["bench", "--rows", "many"], 2 },
    };

    [Theory]
    [MemberData(nameof(LightLines))]
    public async Task Normalise_extract_and_check_claims_do_not_load_the_notebook_runner(string[] line, int exitCode)
    {
        using var dir = new TempDir();
        var list = dir.File("loaded.txt");
        var letter = dir.File("letter.pdf");
        if (line.Contains("{pdf}")) File.WriteAllBytes(letter, DorsetLetters.Pdf());
        var args = line.Select(a => a.Replace("{tmp}", dir.Path, StringComparison.Ordinal).Replace("{pdf}", letter, StringComparison.Ordinal)).ToArray();

        var run = await Foi.RunProgramAsync(Repo.Root, new Dictionary<string, string> { ["FOIKIT_LOADED_ASSEMBLIES"] = list }, args);

        Assert.True(run.ExitCode == exitCode, run.Stderr);
        var loaded = File.ReadAllLines(list);
        // The list is real: the program and its parser are in it, and the kit's core where data was read.
        Assert.Contains("foi", loaded);
        Assert.Contains("System.CommandLine", loaded);
        if (line.Any(a => a == "data/" || a == "{pdf}" || a.Contains("fixtures/", StringComparison.Ordinal))) Assert.Contains("FoiKit", loaded);
        if (line.Contains("{pdf}")) Assert.Contains("UglyToad.PdfPig", loaded);
        foreach (var heavy in Heavy) Assert.DoesNotContain(loaded, name => name.StartsWith(heavy, StringComparison.Ordinal));
    }
}
