// Compares an assembly's public API (PublicApiGenerator) with the approved copy committed beside the
// tests, so that a change to what the kit offers its users is made on purpose. FoiNotebooks.Tests
// compiles this same file (linked) for the notebooks' project.
using System.Reflection;
using PublicApiGenerator;

namespace FoiKit.Tests;

public static class ApprovedApi
{
    /// <summary>Set to 1 to accept a deliberate change: the approved file is rewritten from the build.</summary>
    public const string AcceptVariable = "FOIKIT_ACCEPT_API";

    /// <summary>Fails, showing the first lines that differ and how to accept the change, when the API is not the approved one.</summary>
    /// <param name="assembly">The assembly whose public API is checked.</param>
    /// <param name="approvedFile">The approved copy, relative to the repository root.</param>
    public static void Check(Assembly assembly, string approvedFile)
    {
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n") + "\n";
        var path = Repo.PathOf(approvedFile);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, api);
            return;
        }
        var approved = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        if (approved == api) return;
        var a = approved.Split('\n');
        var b = api.Split('\n');
        var first = 0;
        while (first < a.Length && first < b.Length && a[first] == b[first]) first++;
        string Around(string[] lines) => string.Join("\n", lines.Skip(first).Take(6).Select(l => "    " + l));
        Assert.Fail($"""
            The public API of {assembly.GetName().Name} is not the approved one ({approvedFile}); from line {first + 1}:
              approved:
            {Around(a)}
              built:
            {Around(b)}
            Lines only in the build: {b.Except(a).Count()}; only approved: {a.Except(b).Count()}.
            If the change is deliberate, accept it and commit the file:
              {AcceptVariable}=1 dotnet test <the test project> --filter "FullyQualifiedName~PublicApi"
            """);
    }
}
