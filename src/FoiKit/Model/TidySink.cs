namespace FoiKit.Model;

/// <summary>Receives tidy rows and rejects as they are produced.</summary>
public interface ITidySink
{
    void Add(Observation observation);

    void Add(Reject reject);
}

/// <summary>
/// A sink that writes a tidy row from its parts, so the normaliser need not build an
/// <see cref="Observation"/> (and its <see cref="Provenance"/>) for every cell (the tidy CSV writer).
/// A caller that has one passes it as one: the normaliser and the pipeline have an overload for it.
/// </summary>
public interface ITidyRowSink : ITidySink
{
    void Add(in TidyRow row);
}

/// <summary>An observation's parts, as the normaliser has them: <see cref="ToObservation"/> makes the observation.</summary>
public readonly record struct TidyRow(
    string RequestId, Force Force, SourceKind SourceKind, string Question, Measure Measure, Period Period, Category Category, CellValue Value,
    string SourceFile, int Table, int Row, int Column, string Url, string Location)
{
    public Observation ToObservation() =>
        new(RequestId, Force, SourceKind, Question, Measure, Period, Category, Value, new Provenance(SourceFile, Table, Row, Column, Url, Location));

    public static TidyRow Of(Observation o) =>
        new(o.RequestId, o.Force, o.SourceKind, o.Question, o.Measure, o.Period, o.Category, o.Value,
            o.Source.SourceFile, o.Source.Table, o.Source.Row, o.Source.Column, o.Source.Url, o.Source.Location);
}
