namespace FoiKit.Model;

/// <summary>A police force from the reference list.</summary>
/// <param name="Id">data.police.uk identifier, e.g. <c>cambridgeshire</c>.</param>
/// <param name="OfficialName">e.g. Cambridgeshire Constabulary.</param>
/// <param name="Aliases">Other spellings it is known by.</param>
/// <param name="OnsCode">ONS police force area code (empty for BTP).</param>
/// <param name="Country">England, Wales, …</param>
/// <param name="Region">Home Office region.</param>
/// <param name="IsTerritorial">False for British Transport Police.</param>
public sealed record Force(
    string Id,
    string OfficialName,
    IReadOnlyList<string> Aliases,
    string OnsCode,
    string Country,
    string Region,
    bool IsTerritorial);
