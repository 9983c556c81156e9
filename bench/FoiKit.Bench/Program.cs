// Micro-benchmarks of FoiKit's hot paths, on SYNTHETIC data (FoiKit.Testing.SyntheticResponses).
//   dotnet run -c Release --project bench/FoiKit.Bench -- --filter '*'              (full BenchmarkDotNet runs)
//   dotnet run -c Release --project bench/FoiKit.Bench -- --filter '*' --job short  (quicker, noisier)
// See docs/performance.md for what each measures and the numbers on record.
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(FoiKit.Bench.Kit).Assembly).Run(args);
