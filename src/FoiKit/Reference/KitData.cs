using FoiKit.Model;

namespace FoiKit.Reference;

/// <summary>
/// The kit's own data folder (reference tables and request definitions), found from the current
/// directory upwards (a repository checkout) or beside the program (an installed tool).
/// </summary>
public sealed class KitData
{
    private readonly Dictionary<string, RequestDefinition> _requests;

    private KitData(string dataFolder, ReferenceData reference, Dictionary<string, RequestDefinition> requests)
    {
        DataFolder = dataFolder;
        Reference = reference;
        _requests = requests;
    }

    /// <summary>The folder holding <c>reference/</c> and <c>requests/</c>.</summary>
    public string DataFolder { get; }

    public ReferenceData Reference { get; }

    public IReadOnlyCollection<RequestDefinition> Requests => _requests.Values;

    public RequestDefinition? FindRequest(string id) => _requests.GetValueOrDefault(id.Trim());

    /// <summary>Finds the kit's data folder: FOIKIT_DATA, then upwards from <paramref name="start"/>, then beside the program.</summary>
    public static string? LocateDataFolder(string? start = null)
    {
        var env = Environment.GetEnvironmentVariable("FOIKIT_DATA");
        if (!string.IsNullOrEmpty(env) && IsDataFolder(env)) return Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (IsDataFolder(candidate)) return candidate;
        }
        var beside = Path.Combine(AppContext.BaseDirectory, "data");
        return IsDataFolder(beside) ? beside : null;
    }

    private static bool IsDataFolder(string path) => File.Exists(Path.Combine(path, "reference", "forces.csv"));

    /// <summary>Loads reference tables and request definitions (plus any extra request folders).</summary>
    public static KitData Load(string dataFolder, IEnumerable<string>? extraRequestFolders = null)
    {
        var reference = ReferenceData.Load(Path.Combine(dataFolder, "reference"));
        var requests = new Dictionary<string, RequestDefinition>(StringComparer.Ordinal);
        foreach (var folder in new[] { Path.Combine(dataFolder, "requests") }.Concat(extraRequestFolders ?? []))
        {
            if (!Directory.Exists(folder))
                throw new DirectoryNotFoundException($"{folder}: request folder not found");
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var parsed = RequestReader.Read(file);
                if (!parsed.Ok) throw new InvalidDataException(parsed.Error);
                requests[parsed.Value!.Id] = parsed.Value;
            }
        }
        return new KitData(dataFolder, reference, requests);
    }

    /// <summary>Loads the kit's data found by <see cref="LocateDataFolder"/>.</summary>
    public static KitData LoadDefault(IEnumerable<string>? extraRequestFolders = null) =>
        Load(LocateDataFolder() ?? throw new DirectoryNotFoundException(
            "the kit's data folder (data/reference/forces.csv) was not found: run from the repository root or set FOIKIT_DATA"), extraRequestFolders);
}
