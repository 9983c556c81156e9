using System.Globalization;
using System.Text.Json;

namespace FoiKit.Text;

/// <summary>Shared JSON reading settings and helpers.</summary>
internal static class JsonOptions
{
    /// <summary>Transcripts are hand-written: allow comments and trailing commas.</summary>
    public static readonly JsonDocumentOptions Document = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    /// <summary>A string property, or "" when absent or null; numbers and booleans as text.</summary>
    public static string Text(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) ? Scalar(v) ?? "" : "";

    /// <summary>A scalar as text; null for objects and arrays.</summary>
    public static string? Scalar(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() ?? "",
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => null,
    };

    public static string Describe(JsonException e) =>
        e.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1}")
            : "unreadable";
}
