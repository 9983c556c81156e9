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
    public static string ToContract(this ValueStatus value) => ContractNames<ValueStatus>.Of(value);

    public static bool TryParse(string? text, out ValueStatus status) => ContractNames<ValueStatus>.TryParse(text, ValueStatus.NotAvailable, out status);
}

/// <summary>One printed cell: its raw text, the whole number it holds (if any) and its status.</summary>
public readonly record struct CellValue(string Raw, long? Value, ValueStatus Status)
{
    public CellValue AsPrintedTotal() => Status == ValueStatus.Reported ? this with { Status = ValueStatus.PrintedTotal } : this;
}
