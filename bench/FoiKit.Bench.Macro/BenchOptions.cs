namespace FoiKit.Bench.Macro;

/// <summary>What one <c>foi bench</c> run measures, and where it leaves its files.</summary>
public sealed record BenchOptions
{
    /// <summary>Quick mode (false: full mode, which adds a 10 M row memory run and one large transcript).</summary>
    public bool Quick { get; init; } = true;

    /// <summary>Data cells of the synthetic responses (default <see cref="MacroBench.QuickCells"/>).</summary>
    public long? Cells { get; init; }

    /// <summary>Data cells of full mode's memory run (default <see cref="MacroBench.FullCells"/>).</summary>
    public long? FullCells { get; init; }

    /// <summary>Runs of each measure (default 3 quick, 5 full); the median is reported.</summary>
    public int? Repeat { get; init; }

    /// <summary>The synthetic generator's seed.</summary>
    public int Seed { get; init; } = 20_240_722;

    /// <summary>Where the tidy CSV and bench.json are left (default: a foi-bench folder in the temporary folder).</summary>
    public string? OutFolder { get; init; }

    /// <summary>Also time <c>foi reproduce</c> cold and warm, and a fresh notebook to its first chart, in child processes.</summary>
    public bool TimeReproduce { get; init; } = true;

    /// <summary>The cold reproduce run starts from an empty NuGet packages folder, so package restore is counted.</summary>
    public bool ColdPackages { get; init; }

    /// <summary>Keep full mode's large scratch files.</summary>
    public bool Keep { get; init; }

    /// <summary>Print one JSON object instead of a table.</summary>
    public bool Json { get; init; }
}
