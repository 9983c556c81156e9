using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace FoiKit.NotebookRunner;

/// <summary>
/// Loads .NET Interactive kernel extensions (types implementing <see cref="IKernelExtension"/>) in-process.
/// The dotnet-interactive tool does this itself; a host built on the NuGet packages has to.
/// Two ways in:
/// <list type="bullet">
/// <item><see cref="Attach"/>: watch for <see cref="PackageAdded"/> events (published when a <c>#r "nuget:..."</c>
/// restore succeeds) and, after that command finishes, load every dll in the package's
/// <c>interactive-extensions/dotnet</c> folder. Runs before the rest of the same cell, so a cell can
/// <c>#r</c> a package and display its objects.</item>
/// <item><see cref="LoadFromAssemblyAsync"/>: pre-load from an assembly the host already references.</item>
/// </list>
/// </summary>
public sealed class KernelExtensionLoader
{
    private readonly Kernel _kernel;
    private readonly ConcurrentQueue<string> _pendingPackageRoots = new();
    private readonly HashSet<string> _seenPackageRoots = new(StringComparer.Ordinal);
    private readonly HashSet<string> _loadedExtensionTypes = new(StringComparer.Ordinal);
    private readonly List<string> _loaded = [];
    private readonly Lock _gate = new();

    private KernelExtensionLoader(Kernel kernel) => _kernel = kernel;

    /// <summary>Descriptions ("Type from path") of the extensions loaded so far, in load order.</summary>
    public IReadOnlyList<string> Loaded
    {
        get
        {
            lock (_gate)
            {
                return _loaded.ToArray();
            }
        }
    }

    /// <summary>Wire the loader to a kernel (normally the CompositeKernel). Call once per kernel.</summary>
    public static KernelExtensionLoader Attach(CompositeKernel kernel)
    {
        var loader = new KernelExtensionLoader(kernel);

        var subscription = kernel.KernelEvents.Subscribe(new PackageAddedObserver(loader));
        kernel.RegisterForDisposal(subscription);

        kernel.AddMiddleware(async (command, context, next) =>
        {
            await next(command, context);
            await loader.LoadPendingAsync(context);
        });

        return loader;
    }

    /// <summary>Load every extension type found in the dlls of a folder (e.g. a package's interactive-extensions/dotnet).</summary>
    public async Task<int> LoadFromDirectoryAsync(string directory)
    {
        var count = 0;
        foreach (var dll in Directory.EnumerateFiles(directory, "*.dll").Order(StringComparer.Ordinal))
        {
            count += await LoadFromAssemblyAsync(LoadAssembly(dll));
        }

        return count;
    }

    /// <summary>Create and run (OnLoadAsync) every public, instantiable IKernelExtension type in an assembly.</summary>
    public async Task<int> LoadFromAssemblyAsync(Assembly assembly)
    {
        var types = assembly.GetExportedTypes()
            .Where(t => typeof(IKernelExtension).IsAssignableFrom(t)
                        && t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }
                        && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

        var count = 0;
        foreach (var type in types)
        {
            lock (_gate)
            {
                if (!_loadedExtensionTypes.Add(type.AssemblyQualifiedName!))
                {
                    continue;
                }
            }

            var extension = (IKernelExtension)Activator.CreateInstance(type)!;
            await extension.OnLoadAsync(_kernel);
            lock (_gate)
            {
                _loaded.Add($"{type.FullName} from {assembly.Location}");
            }

            count++;
        }

        return count;
    }

    private async Task LoadPendingAsync(KernelInvocationContext context)
    {
        while (_pendingPackageRoots.TryDequeue(out var packageRoot))
        {
            var extensionDir = Path.Combine(packageRoot, "interactive-extensions", "dotnet");
            if (!Directory.Exists(extensionDir))
            {
                continue;
            }

            try
            {
                await LoadFromDirectoryAsync(extensionDir);
            }
            catch (Exception e)
            {
                context.Fail(context.Command, e, $"Failed to load kernel extensions from {extensionDir}: {e.Message}");
            }
        }
    }

    /// <summary>
    /// Load into the default context, reusing an already-loaded assembly of the same name:
    /// Plotly.NET.Interactive ships the same dll in lib/ and interactive-extensions/dotnet/, and the
    /// script may already have loaded the lib/ copy.
    /// </summary>
    private static Assembly LoadAssembly(string path)
    {
        var name = AssemblyName.GetAssemblyName(path);
        var existing = AssemblyLoadContext.Default.Assemblies
            .FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(name, a.GetName()));
        return existing ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }

    private void OnPackageAdded(PackageAdded added)
    {
        var root = added.PackageReference?.PackageRoot;
        if (string.IsNullOrEmpty(root))
        {
            return;
        }

        lock (_gate)
        {
            if (!_seenPackageRoots.Add(root))
            {
                return;
            }
        }

        _pendingPackageRoots.Enqueue(root);
    }

    private sealed class PackageAddedObserver(KernelExtensionLoader loader) : IObserver<KernelEvent>
    {
        public void OnNext(KernelEvent value)
        {
            if (value is PackageAdded added)
            {
                loader.OnPackageAdded(added);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
