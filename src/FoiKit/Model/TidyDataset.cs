namespace FoiKit.Model;

/// <summary>What a run read and produced.</summary>
public sealed record NormaliseSummary(int Files, long Observations, long Rejects, int Errors, int Warnings, IReadOnlyList<string> Skipped);

/// <summary>A transcript's descriptive fields (method notes, truncation, notes) without its rows.</summary>
public sealed record SourceDocument(
    string SourceFile, string RequestId, SourceKind Kind, Force Force, string SourceUrl, string RequestRef,
    string ResponseDate, string MethodNotes, bool Truncated, string Notes, int Tables);

/// <summary>Tidy observations, rejects and diagnostics of a set of inputs, held in memory.</summary>
public sealed record TidyDataset(
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<Reject> Rejects,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<SourceDocument> Documents,
    NormaliseSummary Summary);
