using System.Text;
using System.Text.RegularExpressions;
using FoiKit.Model;

namespace FoiKit.Present;

/// <summary>
/// The tidy rows as a CSV for people to open in a spreadsheet program: the same columns as the
/// machine tidy.csv, UTF-8 with a byte order mark (so Excel shows £ and quotes right), CRLF line
/// ends, and every text cell that a spreadsheet would run as a formula (starting with =, +, -, @,
/// tab or carriage return) prefixed with a single quote. Plain numbers are written untouched.
/// The machine tidy.csv stays exactly as printed; this file is a separate, safe copy.
/// </summary>
public sealed partial class SpreadsheetSafeCsv : ITidySink, IDisposable
{
    private readonly StreamWriter _writer;

    public SpreadsheetSafeCsv(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        _writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\r\n" };
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
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) _writer.Write(',');
            _writer.Write(Quote(Escape(fields[i])));
        }
        _writer.WriteLine();
    }

    /// <summary>A text a spreadsheet could run as a formula gets a leading single quote; plain numbers stay as they are.</summary>
    public static string Escape(string field)
    {
        if (field.Length == 0 || field[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r')) return field;
        return PlainNumber().IsMatch(field) ? field : "'" + field;
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' '))
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
