namespace FoiKit.Model;

/// <summary>How serious a diagnostic is.</summary>
public enum Severity
{
    Warning,
    Error,
}

/// <summary>A message about an input, naming the file (and table/row where there is one).</summary>
public sealed record Diagnostic(Severity Severity, string File, string Message, int Table = 0, int Row = 0, string Location = "")
{
    public override string ToString()
    {
        var where = File;
        if (Location.Length > 0) where += $", sheet '{Location}'";
        if (Table > 0) where += $", table {Table}";
        if (Row > 0) where += $", row {Row}";
        return $"{where}: {Message}";
    }
}
