namespace FoiKit.Reference;

/// <summary>All reference tables the kit resolves against, loaded from one folder.</summary>
public sealed class ReferenceData
{
    public ReferenceData(ForceRegistry forces, OffenceCatalogue offences, OutcomeCatalogue outcomes, PopulationTable population)
    {
        Forces = forces;
        Offences = offences;
        Outcomes = outcomes;
        Population = population;
    }

    public ForceRegistry Forces { get; }

    public OffenceCatalogue Offences { get; }

    public OutcomeCatalogue Outcomes { get; }

    public PopulationTable Population { get; }

    /// <summary>Loads forces.csv, offences.csv, outcomes.csv, force_population.csv and the aliases files.</summary>
    public static ReferenceData Load(string folder) => new(
        ForceRegistry.Load(Path.Combine(folder, "forces.csv")),
        OffenceCatalogue.Load(Path.Combine(folder, "offences.csv"), Path.Combine(folder, "offence_aliases.csv")),
        OutcomeCatalogue.Load(Path.Combine(folder, "outcomes.csv"), Path.Combine(folder, "outcome_aliases.csv")),
        PopulationTable.Load(Path.Combine(folder, "force_population.csv")));
}
