using System.Globalization;
using FoiKit.Model;

namespace FoiKit.Present;

/// <summary>What a tidy column's values are.</summary>
public enum TidyColumnType
{
    /// <summary>Text (names, labels, the contract spelling of an enumeration).</summary>
    Text,
    /// <summary>An ISO date (<c>yyyy-MM-dd</c>), or empty when unknown.</summary>
    Date,
    /// <summary>A whole number of offences or outcomes, or empty.</summary>
    Count,
    /// <summary>A 1-based position in the source (table, row, column).</summary>
    Position,
}

/// <summary>
/// One column of the tidy data (contract §3, plus the <c>source_column</c> and <c>period_basis_source</c> extensions): its name, what
/// its values are, how an observation's value is written and how the written text is read back. The
/// tidy CSV writer and reader, the workbook and the notebooks' DataFrame all take their columns from
/// <see cref="TidyColumns"/>, so the map is written once.
/// </summary>
public abstract class TidyColumn
{
    private protected TidyColumn(string name, TidyColumnType type, bool inContract, Func<Reject, string> ofReject)
    {
        Name = name;
        Type = type;
        InContract = inContract;
        OfReject = ofReject;
    }

    public string Name { get; }

    public TidyColumnType Type { get; }

    /// <summary>False for an extension (<c>source_column</c>, <c>period_basis_source</c>): a tidy file without it is still a tidy file.</summary>
    public bool InContract { get; }

    /// <summary>A reject's field in this column (the rejects ledger has the tidy columns, as far as known).</summary>
    internal Func<Reject, string> OfReject { get; }

    /// <summary>The text the tidy CSV holds for an observation.</summary>
    public abstract string TextOf(Observation o);

    public override string ToString() => Name;
}

/// <summary>A tidy column whose values are <typeparamref name="T"/>.</summary>
public sealed class TidyColumn<T> : TidyColumn
{
    private readonly Func<Observation, T> _get;
    private readonly Func<T, string> _format;
    private readonly Parser _parse;
    private readonly string _expected;

    /// <summary>Reads a written text; false when it is outside the contract.</summary>
    internal delegate bool Parser(string text, out T value);

    /// <param name="expected">What the contract allows, for the message when a text is not that ("a date written yyyy-MM-dd").</param>
    internal TidyColumn(string name, TidyColumnType type, Func<Observation, T> get, Func<T, string> format, Parser parse, string expected,
        Func<Reject, string> ofReject, bool inContract = true)
        : base(name, type, inContract, ofReject)
    {
        _get = get;
        _format = format;
        _parse = parse;
        _expected = expected;
    }

    /// <summary>An observation's value in this column.</summary>
    public T ValueOf(Observation o) => _get(o);

    public override string TextOf(Observation o) => _format(_get(o));

    /// <summary>The text for a value, as the tidy CSV writes it.</summary>
    public string Format(T value) => _format(value);

    /// <summary>Reads a written text back.</summary>
    /// <exception cref="InvalidDataException">The text is outside the contract: the message names the file, row and column.</exception>
    public T Read(string text, string file, long row)
    {
        if (_parse(text, out var value)) return value;
        throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{file}, row {row}, column {Name}: '{Shown(text)}' is not {_expected}"));
    }

    private static string Shown(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}

/// <summary>The tidy columns, in the order the tidy CSV writes them.</summary>
public static class TidyColumns
{
    public static readonly TidyColumn<string> RequestId = Text("request_id", o => o.RequestId, r => r.RequestId);
    public static readonly TidyColumn<string> ForceId = Text("force_id", o => o.Force.Id, r => r.ForceId);
    public static readonly TidyColumn<string> ForceName = Text("force_name", o => o.Force.OfficialName, r => r.ForceName);
    public static readonly TidyColumn<SourceKind> SourceKind = Enumeration("source_kind", o => o.SourceKind, r => r.SourceKind);
    public static readonly TidyColumn<string> Question = Text("question", o => o.Question, r => r.Question);
    public static readonly TidyColumn<Measure> Measure = Enumeration("measure", o => o.Measure, r => r.Measure);
    public static readonly TidyColumn<string> PeriodLabel = Text("period_label", o => o.Period.Label, r => r.PeriodLabel);
    public static readonly TidyColumn<DateOnly?> PeriodStart = Date("period_start", o => o.Period.Start);
    public static readonly TidyColumn<DateOnly?> PeriodEnd = Date("period_end", o => o.Period.End);

    /// <summary>Derived from the period's dates and basis: read back only to check it is a year label or empty.</summary>
    public static readonly TidyColumn<string> FinancialYear = new("financial_year", TidyColumnType.Text,
        o => o.Period.FinancialYear?.Label ?? "", s => s,
        (string text, out string value) =>
        {
            value = text;
            return text.Length == 0 || Model.FinancialYear.TryParseLabel(text, out _);
        }, "an April-to-April year like 2021/22", _ => "");

    public static readonly TidyColumn<PeriodBasis> PeriodBasis = Enumeration("period_basis", o => o.Period.Basis, _ => "");
    public static readonly TidyColumn<string> CategoryLabel = Text("category_label", o => o.Category.Label, r => r.CategoryLabel);

    /// <summary>Empty for a figure with no category (a by-period figure).</summary>
    public static readonly TidyColumn<CategoryLevel?> CategoryLevel = new("category_level", TidyColumnType.Text,
        o => o.Category.IsNone ? null : o.Category.Level, l => l is { } level ? level.ToContract() : "",
        (string text, out CategoryLevel? value) =>
        {
            value = null;
            if (text.Length == 0) return true;
            if (!ContractNames<Model.CategoryLevel>.TryParse(text, default, out var level)) return false;
            value = level;
            return true;
        }, Spellings<Model.CategoryLevel>(), _ => "");

    public static readonly TidyColumn<string> CategoryCode = Text("category_code", o => o.Category.Code, _ => "");
    public static readonly TidyColumn<string> CategoryName = Text("category_name", o => o.Category.Name, _ => "");
    public static readonly TidyColumn<string> CategorySubgroup = Text("category_subgroup", o => o.Category.Subgroup, _ => "");
    public static readonly TidyColumn<string> CategoryGroup = Text("category_group", o => o.Category.Group, _ => "");

    public static readonly TidyColumn<long?> Value = new("value", TidyColumnType.Count,
        o => o.Value.Value, v => v is { } n ? n.ToString(CultureInfo.InvariantCulture) : "",
        (string text, out long? value) =>
        {
            value = null;
            if (text.Length == 0) return true;
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return false;
            value = n;
            return true;
        }, "a whole number of 0 or more", _ => "");

    public static readonly TidyColumn<ValueStatus> ValueStatus = Enumeration("value_status", o => o.Value.Status, _ => "");
    public static readonly TidyColumn<string> RawValue = Text("raw_value", o => o.Value.Raw, r => r.RawValue);
    public static readonly TidyColumn<string> SourceFile = Text("source_file", o => o.Source.SourceFile, r => r.Source.SourceFile);
    public static readonly TidyColumn<int> SourceTable = Position("source_table", o => o.Source.Table, r => r.Source.Table);
    public static readonly TidyColumn<int> SourceRow = Position("source_row", o => o.Source.Row, r => r.Source.Row);
    public static readonly TidyColumn<string> SourceUrl = Text("source_url", o => o.Source.Url, r => r.Source.Url);

    /// <summary>The extension: the cell's 1-based column in its table; empty when not known (0).</summary>
    public static readonly TidyColumn<int?> SourceColumn = new("source_column", TidyColumnType.Position,
        o => o.Source.Column > 0 ? o.Source.Column : null, c => c is { } n ? n.ToString(CultureInfo.InvariantCulture) : "",
        (string text, out int? value) =>
        {
            value = null;
            if (text.Length == 0) return true;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) return false;
            value = n;
            return true;
        }, "a position of 1 or more", r => r.Source.Column > 0 ? r.Source.Column.ToString(CultureInfo.InvariantCulture) : "", inContract: false);

    /// <summary>
    /// The extension: what decided the basis of the period's dates (<see cref="Period.BasisSource"/>): <c>label</c>,
    /// <c>stated: caption of table 1 ('financial year')</c> (the basis the source states), <c>request</c> (the source
    /// states none); empty when the period has no dates.
    /// </summary>
    public static readonly TidyColumn<string> PeriodBasisSource = new("period_basis_source", TidyColumnType.Text,
        o => o.Period.BasisSource, s => s, (string text, out string value) =>
        {
            value = text;
            return text.Length == 0 || text is PeriodBasisSources.Label or PeriodBasisSources.Request
                || text.StartsWith(PeriodBasisSources.StatedPrefix, StringComparison.Ordinal);
        }, "label, request, stated: … or empty", _ => "", inContract: false);

    /// <summary>Every column, in order: the contract's, then the extensions <c>source_column</c> and <c>period_basis_source</c>.</summary>
    public static IReadOnlyList<TidyColumn> All { get; } =
    [
        RequestId, ForceId, ForceName, SourceKind, Question, Measure, PeriodLabel, PeriodStart, PeriodEnd, FinancialYear, PeriodBasis,
        CategoryLabel, CategoryLevel, CategoryCode, CategoryName, CategorySubgroup, CategoryGroup, Value, ValueStatus, RawValue,
        SourceFile, SourceTable, SourceRow, SourceUrl, SourceColumn, PeriodBasisSource,
    ];

    /// <summary>The rejects ledger's extra column, after the tidy columns.</summary>
    public const string Reason = "reason";

    /// <summary>An ISO date as the tidy CSV writes it.</summary>
    public static string FormatDate(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static TidyColumn<string> Text(string name, Func<Observation, string> get, Func<Reject, string> ofReject) =>
        new(name, TidyColumnType.Text, get, s => s, (string text, out string value) =>
        {
            value = text;
            return true;
        }, "text", ofReject);

    private static TidyColumn<T> Enumeration<T>(string name, Func<Observation, T> get, Func<Reject, string> ofReject)
        where T : struct, Enum =>
        new(name, TidyColumnType.Text, get, ContractNames<T>.Of, (string text, out T value) => ContractNames<T>.TryParse(text, default, out value),
            Spellings<T>(), ofReject);

    private static TidyColumn<DateOnly?> Date(string name, Func<Observation, DateOnly?> get) =>
        new(name, TidyColumnType.Date, get, FormatDate, (string text, out DateOnly? value) =>
        {
            value = null;
            if (text.Length == 0) return true;
            if (!TidyCsvReader.TryIsoDate(text, out var d)) return false;
            value = d;
            return true;
        }, "a date written yyyy-MM-dd", _ => "");

    private static TidyColumn<int> Position(string name, Func<Observation, int> get, Func<Reject, int> ofReject) =>
        new(name, TidyColumnType.Position, get, n => n.ToString(CultureInfo.InvariantCulture),
            (string text, out int value) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1,
            "a position of 1 or more", r => ofReject(r).ToString(CultureInfo.InvariantCulture));

    private static string Spellings<T>()
        where T : struct, Enum
    {
        var names = Enum.GetValues<T>().Select(v => ContractNames<T>.Of(v)).ToList();
        return string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
    }
}
