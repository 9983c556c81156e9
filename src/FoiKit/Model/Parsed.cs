namespace FoiKit.Model;

/// <summary>
/// The outcome of parsing something that may legitimately fail (a label, a cell, a file):
/// a value, or a one-sentence reason. Expected failures are data, not exceptions.
/// </summary>
public readonly record struct Parsed<T>(T? Value, string? Error)
{
    public bool Ok => Error is null;

    public static Parsed<T> Success(T value) => new(value, null);

    public static Parsed<T> Fail(string error) => new(default, error);
}
