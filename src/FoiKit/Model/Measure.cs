namespace FoiKit.Model;

/// <summary>What a table measures: offences or police outcomes.</summary>
public enum Measure
{
    Offences,
    Outcomes,
}

public static class MeasureNames
{
    public static string ToContract(this Measure value) => ContractNames<Measure>.Of(value);

    public static bool TryParse(string? text, out Measure measure) => ContractNames<Measure>.TryParse(text, Measure.Offences, out measure);
}
