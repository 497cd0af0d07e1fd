import Foundation

/// esmsim-bench: prints the performance table (scenario, simulated events, wall time,
/// events per second, peak memory) and the comparison with the SimPy peer.
///
/// Each case runs in a child process of this binary, so its peak memory is its own.
let arguments = Array(CommandLine.arguments.dropFirst())
if let index = arguments.firstIndex(of: "--case"), index + 1 < arguments.count {
    let measurement = BenchmarkCases.run(named: arguments[index + 1], arguments: arguments)
    print(measurement.serialized)
    exit(0)
}
if arguments.contains("--help") || arguments.contains("-h") {
    print("""
    USAGE: swift run -c release esmsim-bench [--simpy PATH] [--esmsim PATH] [--quick] [--plan-week] [--cases LIST]

    Runs the benchmark cases and prints a table. --simpy points at the SimPy peer
    (default Scripts/peers/simpy_esm.py); --esmsim at the esmsim binary for the
    whole-process comparison (default: next to this binary); --quick runs smaller cases.
    The plan case searches 6 hours of minute traffic (--plan-week: a week, hours of work
    until steady traffic is compressed); --case plan-exhaustive runs every setting of the
    same plan to its end, the reference. --cases runs only the comma-separated cases
    (hold, backlog, backlog-batch, shared, day, day-aligned, month, plan, ensemble, sweep),
    then the comparison with SimPy.
    """)
    exit(0)
}
exit(BenchmarkReport.main(arguments))
