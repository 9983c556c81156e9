// The shape of the core: its layers (docs/architecture.md, read here so the order is written once)
// depend one way, every type sits in a layer, and the core stays free of charts, notebooks, .NET
// Interactive and any one story.
using System.Reflection;
using System.Text.RegularExpressions;
using FoiKit.Model;
using NetArchTest.Rules;

namespace FoiKit.Tests;

public partial class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Observation).Assembly;

    /// <summary>The layers, bottom to top, from the numbered list in docs/architecture.md.</summary>
    public static IReadOnlyList<string> Layers { get; } = ReadLayers();

    public static TheoryData<string> LayerNames => new(Layers);

    private static List<string> ReadLayers()
    {
        var doc = File.ReadAllText(Repo.PathOf("docs/architecture.md"));
        var section = doc[doc.IndexOf("## The core's layers", StringComparison.Ordinal)..];
        return LayerItem().Matches(section).Select(m => m.Groups["name"].Value).ToList();
    }

    [Fact]
    public void The_layer_order_is_read_from_the_architecture_page()
    {
        // The list must be there and name each layer once, else the rules below check nothing.
        Assert.True(Layers.Count >= 8, $"docs/architecture.md lists {Layers.Count} layers: {string.Join(", ", Layers)}");
        Assert.Equal(Layers.Count, Layers.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("Model", Layers[0]);
    }

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void A_layer_uses_no_layer_above_it(string layer)
    {
        var problems = new List<string>();
        foreach (var above in Layers.Skip(Layers.ToList().IndexOf(layer) + 1))
        {
            var result = Types.InAssembly(Core).That().ResideInNamespaceMatching(NamespacePattern(layer))
                .ShouldNot().HaveDependencyOn($"FoiKit.{above}").GetResult();
            if (!result.IsSuccessful)
                problems.AddRange(result.FailingTypeNames.Select(t => $"{t} uses FoiKit.{above}, a layer above {layer}"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Order(StringComparer.Ordinal)));
    }

    /// <summary>Pairs the architecture page states apart from the order ("`Normalise` does not use `Read`").</summary>
    public static TheoryData<string, string> Apart
    {
        get
        {
            var doc = File.ReadAllText(Repo.PathOf("docs/architecture.md"));
            var data = new TheoryData<string, string>();
            foreach (Match m in DoesNotUse().Matches(doc)) data.Add(m.Groups["a"].Value, m.Groups["b"].Value);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Apart))]
    public void A_layer_does_not_use_a_layer_it_stands_beside(string layer, string other)
    {
        Assert.Contains(layer, Layers);
        Assert.Contains(other, Layers);
        var result = Types.InAssembly(Core).That().ResideInNamespaceMatching(NamespacePattern(layer))
            .ShouldNot().HaveDependencyOn($"FoiKit.{other}").GetResult();
        Assert.True(result.IsSuccessful, $"{string.Join(", ", result.FailingTypeNames ?? [])} use FoiKit.{other}, which {layer} must not use");
    }

    [Fact]
    public void Every_type_of_the_core_sits_in_a_layer()
    {
        var outside = Core.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns == "FoiKit" || ns.StartsWith("FoiKit.", StringComparison.Ordinal)))
            .Where(t => !Layers.Any(l => Regex.IsMatch(t.Namespace!, NamespacePattern(l))))
            .Select(t => t.FullName).ToList();
        Assert.True(outside.Count == 0, "not in a layer listed in docs/architecture.md: " + string.Join(", ", outside));
    }

    [Fact]
    public void Each_layer_is_a_folder_of_the_core()
    {
        foreach (var layer in Layers)
            Assert.True(Directory.Exists(Repo.PathOf($"src/FoiKit/{layer}")), $"src/FoiKit/{layer}/ is missing");
    }

    public static TheoryData<string> Forbidden => new()
    {
        "FoiKit.Charts", "FoiKit.Notebooks", "FoiKit.NotebookRunner", "FoiKit.Testing", "FoiKit.Cli",
        "Plotly", "Microsoft.DotNet.Interactive", "Microsoft.Data.Analysis", "Microsoft.CodeAnalysis", "FSharp",
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void The_core_references_no_chart_notebook_or_interactive_code(string name)
    {
        var referenced = Core.GetReferencedAssemblies().Select(a => a.Name ?? "")
            .Where(a => a == name || a.StartsWith(name + ".", StringComparison.Ordinal)).ToList();
        Assert.True(referenced.Count == 0, $"FoiKit references {string.Join(", ", referenced)}");
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOn(name).GetResult();
        Assert.True(result.IsSuccessful, $"{string.Join(", ", result.FailingTypeNames ?? [])} use {name}");
    }

    [Fact]
    public void The_core_tells_no_single_story()
    {
        // What is particular to one request (its keyword, its years) comes from its definition and the data.
        var files = Directory.EnumerateFiles(Repo.PathOf("src/FoiKit"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("tiktok", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(Repo.Root, f)).ToList();
        Assert.True(files.Count == 0, "names one story's subject: " + string.Join(", ", files));
    }

    /// <summary>A layer's namespace and the namespaces under it (Read and Read.Spreadsheets), not its look-alikes (Read and Reference).</summary>
    private static string NamespacePattern(string layer) => $@"^FoiKit\.{Regex.Escape(layer)}(\..+)?$";

    [GeneratedRegex(@"^\d+\.\s+`(?<name>[A-Z]\w*)`", RegexOptions.Multiline)]
    private static partial Regex LayerItem();

    [GeneratedRegex(@"`(?<a>[A-Z]\w*)` does not use `(?<b>[A-Z]\w*)`")]
    private static partial Regex DoesNotUse();
}
