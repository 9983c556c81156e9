using System.CommandLine;
using FoiKit.Read;
using FoiKit.Reference;

namespace FoiKit.Cli;

/// <summary>
/// <c>--request &lt;id&gt;</c> and <c>--force &lt;name&gt;</c>: what a response file does not say about itself
/// (contract §6), shared by the verbs that read responses. Both are checked against the kit's request
/// definitions and <c>forces.csv</c> before any file is read, so a typo is a usage error (exit 2) rather
/// than a draft or a run that fails on every file.
/// </summary>
internal sealed class ReadDefaultsOptions
{
    public ValueOption Request { get; } = new("--request", "id",
        "the FOI request the files answer, for files that do not say (a file's own metadata or sidecar wins)",
        check: v => v.Trim().Length == 0 ? "--request needs a request id" : null);

    public ValueOption Force { get; } = new("--force", "name",
        "the force that answered, for files that do not say (a file's own metadata or sidecar wins; for a document, over its letterhead)",
        check: v => v.Trim().Length == 0 ? "--force needs a force's name" : null);

    public IEnumerable<ValueOption> Options => [Request, Force];

    /// <summary>
    /// The defaults given, the force as its official name (so a draft names it as forces.csv does).
    /// Throws <see cref="UsageException"/> for a request or force the kit does not know.
    /// </summary>
    public ReadDefaults Read(ParseResult parsed, KitData kit)
    {
        var request = Request.One(parsed)?.Trim();
        var force = Force.One(parsed)?.Trim();
        if (request is not null && kit.FindRequest(request) is null)
        {
            var known = string.Join(", ", kit.Requests.Select(r => r.Id).Order(StringComparer.Ordinal));
            throw new UsageException($"--request '{request}' is not a request the kit knows ({known}): add its definition with --requests <folder>");
        }
        if (force is not null)
        {
            var resolved = kit.Reference.Forces.Resolve(force);
            if (!resolved.Ok) throw new UsageException($"--force {resolved.Error}");
            force = resolved.Value!.OfficialName;
        }
        return request is null && force is null ? ReadDefaults.None : new ReadDefaults(request, force);
    }
}
