using System.Text.Json;
using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Read.Spreadsheets;

/// <summary>
/// What a spreadsheet or CSV says about itself: the transcript's fields (contract §1) as
/// <c>key,value</c> lines at the top of a file or sheet, an <c>about</c> sheet, or a sidecar
/// <c>&lt;file&gt;.meta.json</c>. Later sources fill only what earlier ones left empty.
/// </summary>
internal sealed class ResponseMetadata
{
    /// <summary>Keys a metadata block may hold (spaces, case and hyphens do not matter: "Source URL" = source_url).</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "schema", "request", "kind", "force", "question", "caption", "source_url", "request_ref", "response_date", "method_notes",
        "truncated", "notes",
    ];

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Where each value came from ("row 3", "sheet 'about'", "sidecar x.meta.json").</summary>
    public Dictionary<string, string> Origin { get; } = new(StringComparer.Ordinal);

    public string this[string key] => _values.GetValueOrDefault(key, "");

    public bool Has(string key) => _values.ContainsKey(key);

    public bool IsEmpty => _values.Count == 0;

    public IEnumerable<string> PresentKeys => _values.Keys;

    /// <summary>Sets a value unless one is already there (first source wins).</summary>
    public void Offer(string key, string value, string origin)
    {
        if (value.Trim().Length == 0 || _values.ContainsKey(key)) return;
        _values[key] = value.Trim();
        Origin[key] = origin;
    }

    /// <summary>Copies values this one lacks from <paramref name="fallback"/>.</summary>
    public ResponseMetadata With(ResponseMetadata fallback)
    {
        var m = new ResponseMetadata();
        foreach (var (k, v) in _values) m.Offer(k, v, Origin[k]);
        foreach (var (k, v) in fallback._values) m.Offer(k, v, fallback.Origin[k]);
        return m;
    }

    /// <summary>
    /// What the command line supplies, as metadata that fills only what the file and its sidecar
    /// leave empty; a file given a request or a force but no kind is a force's own answer.
    /// </summary>
    public static ResponseMetadata From(ReadDefaults defaults)
    {
        var m = new ResponseMetadata();
        if (defaults.IsEmpty) return m;
        m.Offer("request", defaults.RequestId ?? "", "--request");
        m.Offer("force", defaults.Force ?? "", "--force");
        m.Offer("kind", SourceKind.ForceResponse.ToContract(), "--request/--force (a force's own answer)");
        return m;
    }

    /// <summary>The contract key a printed key stands for, or null.</summary>
    public static string? KeyOf(string? printed)
    {
        if (string.IsNullOrWhiteSpace(printed)) return null;
        var k = printed.Trim().TrimEnd(':').Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return k switch
        {
            "request_id" => "request",
            "source" or "url" => "source_url",
            "reference" or "ref" or "foi_reference" => "request_ref",
            "date" or "date_of_response" => "response_date",
            _ => Keys.Contains(k) ? k : null,
        };
    }

    /// <summary>
    /// Reads the block of <c>key,value</c> rows at the top of a grid (column A a known key, column B
    /// its value, nothing further right). Returns how many of the grid's rows it used.
    /// </summary>
    public static int ReadBlock(Grid grid, ResponseMetadata into, string where)
    {
        var used = 0;
        foreach (var row in grid.Rows)
        {
            if (row.LastFilled > 1 || KeyOf(row.Cell(0)) is not { } key) break;
            into.Offer(key, row.Cell(1), $"{where}row {row.Number}");
            used++;
        }
        return used;
    }

    /// <summary>The sidecar file of <paramref name="path"/>, if there is one.</summary>
    public static string SidecarPath(string path) => path + ".meta.json";

    /// <summary>Reads a sidecar (a transcript's fields without its tables).</summary>
    public static Parsed<ResponseMetadata> ReadSidecar(string sidecar)
    {
        try
        {
            var bytes = File.ReadAllBytes(sidecar);
            if (bytes.Length == 0) return Parsed<ResponseMetadata>.Fail($"the sidecar {Path.GetFileName(sidecar)} is empty");
            using var doc = JsonDocument.Parse(bytes, JsonOptions.Document);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return Parsed<ResponseMetadata>.Fail($"the sidecar {Path.GetFileName(sidecar)} is not a JSON object");
            var m = new ResponseMetadata();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (KeyOf(p.Name) is not { } key) continue;
                if (JsonOptions.Scalar(p.Value) is not { } text)
                    return Parsed<ResponseMetadata>.Fail($"the sidecar {Path.GetFileName(sidecar)} gives '{p.Name}' as a list or object, not text");
                m.Offer(key, text, $"sidecar {Path.GetFileName(sidecar)}");
            }
            return Parsed<ResponseMetadata>.Success(m);
        }
        catch (JsonException e)
        {
            return Parsed<ResponseMetadata>.Fail($"the sidecar {Path.GetFileName(sidecar)} is not valid JSON ({JsonOptions.Describe(e)})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Parsed<ResponseMetadata>.Fail($"the sidecar {Path.GetFileName(sidecar)} cannot be read ({e.Message})");
        }
    }

    /// <summary>Checks the fields a response needs; the failure says what is missing and where to put it.</summary>
    public Parsed<(string Request, SourceKind Kind, string Force, bool Truncated)> Require()
    {
        var schema = this["schema"];
        if (schema.Length > 0 && schema != TranscriptReader.Schema)
            return Fail($"schema '{schema}' is not supported (expected '{TranscriptReader.Schema}')");
        var missing = new[] { "request", "kind", "force" }.Where(k => !Has(k)).ToList();
        if (missing.Count > 0)
        {
            var given = missing.Where(k => k is "request" or "force").Select(k => $"--{k}").ToList();
            var orGiven = given.Count > 0 ? $", or pass {string.Join(" and ", given)}" : "";
            return Fail($"it does not say its {string.Join(", ", missing.Select(k => $"'{k}'"))}: add {(missing.Count == 1 ? "a line" : "lines")} like '{missing[0]},…' to the metadata block at the top (or the 'about' sheet, or a sidecar .meta.json){orGiven}");
        }
        if (!SourceKindNames.TryParse(this["kind"], out var kind))
            return Fail($"kind '{this["kind"]}' is not force_response or published_article");
        var truncatedText = this["truncated"].ToLowerInvariant();
        bool truncated;
        if (truncatedText is "" or "false" or "no" or "0") truncated = false;
        else if (truncatedText is "true" or "yes" or "1") truncated = true;
        else return Fail($"truncated '{this["truncated"]}' is not true or false");
        return Parsed<(string, SourceKind, string, bool)>.Success((this["request"], kind, this["force"], truncated));

        static Parsed<(string, SourceKind, string, bool)> Fail(string why) => Parsed<(string, SourceKind, string, bool)>.Fail(why);
    }
}
