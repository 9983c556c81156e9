using System.Reflection;
using System.Runtime.Loader;

namespace FoiKit.NotebookRunner;

/// <summary>
/// Plotly.NET 6.0.0 is built against FSharp.Core 10.1.0.0. A host whose own FSharp.Core is older
/// (e.g. 10.0.111 that FSharp.Compiler.Service drags in through Microsoft.DotNet.Interactive.PackageManagement,
/// or the dotnet-interactive tool) fails with "Could not load file or assembly 'FSharp.Core, Version=10.1.0.0'".
/// Fix 1 (preferred): reference FSharp.Core 10.1.x in the host (NoWarn NU1608 on that PackageReference).
/// Fix 2 (this): when a load of FSharp.Core fails, hand back the FSharp.Core already in the default context.
/// The Resolving event only fires after normal binding failed, so with fix 1 in place this never runs.
/// </summary>
public static class FSharpCoreFallback
{
    private static int _installed;

    /// <summary>Number of times the fallback answered a failed FSharp.Core load.</summary>
    public static int Redirects { get; private set; }

    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1)
        {
            return;
        }

        AssemblyLoadContext.Default.Resolving += OnResolving;
    }

    private static Assembly? OnResolving(AssemblyLoadContext context, AssemblyName name)
    {
        if (!string.Equals(name.Name, "FSharp.Core", StringComparison.Ordinal))
        {
            return null;
        }

        var loaded = context.Assemblies.FirstOrDefault(a => a.GetName().Name == "FSharp.Core");
        if (loaded is not null)
        {
            Redirects++;
        }

        return loaded;
    }
}
