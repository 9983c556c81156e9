namespace FoiKit.Model;

/// <summary>What a printed figure is.</summary>
public enum ValueStatus
{
    /// <summary>A count as printed.</summary>
    Reported,
    /// <summary>Withheld by the source (e.g. <c>*</c>, <c>&lt;5</c>, <c>[c]</c>).</summary>
    Suppressed,
    /// <summary>Not available or not held (e.g. <c>-</c>, <c>[x]</c>, <c>N/A</c>, blank).</summary>
    NotAvailable,
    /// <summary>A total the source printed: kept to validate the parts, never summed.</summary>
    PrintedTotal,
}

public static class ValueStatusNames
{
    public static string ToContract(this ValueStatus s) => s switch
    {
        ValueStatus.Reported => "reported",
        ValueStatus.Suppressed => "suppressed",
        ValueStatus.NotAvailable => "not_available",
        _ => "printed_total",
    };

    public static bool TryParse(string? text, out ValueStatus status)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "reported": status = ValueStatus.Reported; return true;
            case "suppressed": status = ValueStatus.Suppressed; return true;
            case "not_available": status = ValueStatus.NotAvailable; return true;
            case "printed_total": status = ValueStatus.PrintedTotal; return true;
            default: status = ValueStatus.NotAvailable; return false;
        }
    }
}

/// <summary>One printed cell: its raw text, the whole number it holds (if any) and its status.</summary>
public readonly record struct CellValue(string Raw, long? Value, ValueStatus Status)
{
    public CellValue AsPrintedTotal() => Status == ValueStatus.Reported ? this with { Status = ValueStatus.PrintedTotal } : this;
}
