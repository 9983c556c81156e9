namespace FoiKit.Cli;

/// <summary>
/// A diagnostic for keeping <c>foi</c> light: with <c>FOIKIT_LOADED_ASSEMBLIES=/path/file.txt</c> set, foi writes
/// the name of every assembly it loaded, one a line, to that file as it exits. Tests use it to prove that
/// <c>normalise</c> and <c>check-claims</c> never load the notebook runner (.NET Interactive, Roslyn,
/// FSharp.Compiler.Service), which only <c>reproduce</c> and bench's notebook timing need.
/// </summary>
internal static class LoadedAssemblies
{
    public const string EnvVar = "FOIKIT_LOADED_ASSEMBLIES";

    /// <summary>Writes the list when the variable names a file; a diagnostic never changes the exit code.</summary>
    public static void WriteIfAsked()
    {
        var path = Environment.GetEnvironmentVariable(EnvVar);
        if (string.IsNullOrWhiteSpace(path)) return;
        var names = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "").Order(StringComparer.Ordinal);
        try
        {
            File.WriteAllLines(path, names);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"note: {EnvVar}: {path} could not be written: {e.Message}");
        }
    }
}
