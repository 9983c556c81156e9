using System.Globalization;
using CsvHelper;
using FoiKit.Model;

namespace FoiKit.Present;

/// <summary>The tidy CSV format (contract §3): its header and one row's fields, from the column map (<see cref="TidyColumns"/>).</summary>
internal static class TidyCsv
{
    /// <summary>The contract's columns, then the optional extensions <c>source_column</c> (the cell's 1-based column) and <c>period_basis_source</c>.</summary>
    public static readonly string[] Columns = TidyColumns.All.Select(c => c.Name).ToArray();

    /// <summary>The rejects ledger: the tidy columns as far as known, plus the reason.</summary>
    public static readonly string[] RejectColumns = [.. Columns, TidyColumns.Reason];

    public static string Date(DateOnly? d) => TidyColumns.FormatDate(d);

    /// <summary>One observation as the contract's fields, in column order.</summary>
    public static string[] Fields(Observation o)
    {
        var columns = TidyColumns.All;
        var fields = new string[columns.Count];
        for (var i = 0; i < fields.Length; i++) fields[i] = columns[i].TextOf(o);
        return fields;
    }

    /// <summary>One reject as the ledger's fields: the tidy columns as far as known, then the reason.</summary>
    public static string[] Fields(Reject r) => [.. TidyColumns.All.Select(c => c.OfReject(r)), r.Reason];

    internal static CsvWriterOptions WriterOptions => CsvWriterOptions.Default with
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
    };
}
