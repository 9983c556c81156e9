using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using FoiKit.Model;

namespace FoiKit.Present;

/// <summary>
/// The tidy rows as a CSV for people to open in a spreadsheet program: the same columns as the
/// machine tidy.csv, UTF-8 with a byte order mark (so Excel shows £ and quotes right), CRLF line
/// ends, and every text cell that a spreadsheet would run as a formula (starting with =, +, -, @,
/// tab or carriage return) escaped with a leading single quote (and quoted) by CsvHelper's own
/// injection option. Signed plain numbers ("-3") are handed to CsvHelper as numbers, which it
/// leaves untouched, so they stay numbers in the spreadsheet. The machine tidy.csv stays exactly as
/// printed; this file is a separate, safe copy.
/// </summary>
public sealed partial class SpreadsheetSafeCsv : ITidySink, IDisposable
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape, // its characters (= @ + - tab CR) and escape (') are the OWASP ones we want
        Quoting = CsvQuoting.WhenNeededOrWhitespace, // a cell that starts or ends with a space keeps it in Excel
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private readonly CsvWriter _writer;

    public SpreadsheetSafeCsv(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        _writer = CsvWriter.ToFile(path, Options);
        WriteRecord(TidyCsv.Columns);
    }

    public void Add(Observation observation) => WriteRecord(TidyCsv.Fields(observation));

    /// <summary>Rejects are not part of this file (they are in the rejects ledger and tidy.xlsx).</summary>
    public void Add(Reject reject)
    {
    }

    public void Dispose() => _writer.Dispose();

    private void WriteRecord(IReadOnlyList<string> fields)
    {
        foreach (var field in fields)
        {
            // A signed plain number goes in as a number, which CsvHelper does not treat as a formula: "-3"
            // stays -3 (a redundant "+" is not kept: Excel shows "+12.5" as 12.5 either way).
            if (field.Length > 0 && field[0] is '-' or '+' && PlainNumber().IsMatch(field)
                && decimal.TryParse(field, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                _writer.WriteField(number);
            else
                _writer.WriteField(field);
        }
        _writer.EndRecord();
    }

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
