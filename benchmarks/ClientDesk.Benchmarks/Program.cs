using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/ClientDesk.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(ClientDesk.Benchmarks.LocationCalendarBenchmarks).Assembly).Run(args);
