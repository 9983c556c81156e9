using FoiKit.Cli;

var code = await FoiCli.RunAsync(args, Console.Out, Console.Error);
LoadedAssemblies.WriteIfAsked();
return code;
