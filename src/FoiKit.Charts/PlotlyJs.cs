using System.Reflection;
using System.Text.RegularExpressions;

namespace FoiKit.Charts;

/// <summary>plotly.js for offline pages, taken from Plotly.NET itself (never from the network).</summary>
public static partial class PlotlyJs
{
    private static readonly Lazy<string> Embedded = new(ReadEmbedded);

    /// <summary>The plotly.js version Plotly.NET targets (its F# literal Globals.PLOTLYJS_VERSION: 2.28.0 in Plotly.NET 6.0.0).</summary>
    public static string TargetVersion =>
        (string)typeof(Plotly.NET.GenericChart).Assembly.GetType("Globals")!
            .GetField("PLOTLYJS_VERSION", BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!;

    /// <summary>
    /// The minified plotly.js embedded in Plotly.NET.dll as "Plotly.NET.plotly-{version}.min.js" (what
    /// PlotlyJSReference.Full inlines; byte-identical to npm plotly.js-dist-min of the same version). Read once.
    /// </summary>
    public static string Source => Embedded.Value;

    /// <summary>The version in a plotly.js banner ("plotly.js v2.28.0"), or null.</summary>
    public static string? BannerVersion(string js)
    {
        var m = Banner().Match(js.Length > 400 ? js[..400] : js);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static string ReadEmbedded()
    {
        var asm = typeof(Plotly.NET.GenericChart).Assembly;
        var name = asm.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(".min.js", StringComparison.Ordinal))
                   ?? throw new InvalidOperationException("Plotly.NET has no embedded plotly.min.js resource");
        using var stream = asm.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var js = reader.ReadToEnd();
        if (BannerVersion(js) is { } v && v != TargetVersion)
            throw new InvalidOperationException($"Plotly.NET embeds plotly.js {v} but targets {TargetVersion}");
        return js;
    }

    [GeneratedRegex(@"plotly\.js v(\d+\.\d+\.\d+)")]
    private static partial Regex Banner();
}
