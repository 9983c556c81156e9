using FoiKit.Cli;

return await FoiCli.RunAsync(args, Console.Out, Console.Error);
