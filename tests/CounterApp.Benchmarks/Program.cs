using CounterApp.Benchmarks;
using CounterApp.Benchmarks.Crl;
using CounterApp.Benchmarks.Issuance;
using CounterApp.Benchmarks.Ledger;
using CounterApp.Benchmarks.Ocsp;
using CounterApp.Benchmarks.ResidentSearch;
using CounterApp.Benchmarks.Support;

// The issue 4 and issue 6 goals, each a ratio measured in this run (the machine is shared, so absolute figures drift; ratios hold).
if (args is ["ledger-child", var receipts])
{
    return LedgerChild.Run(int.Parse(receipts, System.Globalization.CultureInfo.InvariantCulture));
}

var options = Options.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine($"bench: {error}");
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

if (!OperatingSystem.IsLinux() || !Tool.Exists("openssl") || !Tool.Exists("taskset") || (options.Suites.Contains("ocsp") && !Tool.Exists("wrk")))
{
    Console.Error.WriteLine("bench: needs Linux with openssl and taskset on PATH, and wrk for the ocsp suite (apt-get install openssl util-linux wrk)");
    return 2;
}

Console.WriteLine(Out.Format($"CounterApp benchmarks (issue 4): {Environment.ProcessorCount} CPUs, load average {Load.Average()}, {options.Rounds} rounds, pinned CPU {options.Cpu}"));
var goals = new List<Goal>();
try
{
    foreach (var suite in options.Suites)
    {
        goals.AddRange(suite switch
        {
            "issuance" => IssuanceSuite.Run(options),
            "crl" => CrlSuite.Run(options),
            "ledger" => LedgerSuite.Run(options),
            "residents" => ResidentSearchSuite.Run(options),
            _ => OcspSuite.Run(options),
        });
    }
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or HttpRequestException)
{
    Console.Error.WriteLine($"bench: the run could not be made: {e.Message}");
    return 2;
}

Out.Heading(Out.Format($"Summary (load average now {Load.Average()})"));
goals.ForEach(goal => Out.Line(goal.ToString()));
var failed = goals.Count(goal => !goal.Passed);
Console.WriteLine(Out.Format($"\n{goals.Count - failed} goals passed, {failed} failed"));
return failed == 0 ? 0 : 1;
