namespace FoiKit.Cli;

/// <summary>The command line was wrong, found after parsing (e.g. an output folder inside data/): exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
