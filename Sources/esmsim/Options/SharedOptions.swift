import ESMBilling
import ESMScenarios

/// Options several commands share, declared once so each reads and documents them alike.
enum SharedOptions {
    /// `--seed`.
    static let seed = OptionDefinition(
        "seed", .whole("N", unit: "", range: 0...Int64(ScenarioLoader.seedRange.upperBound)),
        "seed for every random stream (with --replications, the first one's)", default: "the scenario's seed, else 1")
    /// `--profile`.
    static let profile = OptionDefinition(
        "profile", .text("NAME|FILE"), "behaviour profile, shipped name or .json file", default: "the scenario's, else aws-2024")
    /// `--interval`.
    static let interval = OptionDefinition.positive(
        "interval", "S", unit: "seconds", "seconds between samples: time-series rows and chart points, at least 1", default: "60")
    /// `--horizonSeconds`, the scenario file's `horizonSeconds`.
    static let horizon = OptionDefinition.positive(
        "horizonSeconds", "S", unit: "seconds", "stop a run that has not drained after S simulated seconds",
        default: "the scenario's horizonSeconds, else 86400", deprecated: ["horizon"])
    /// `--replications`.
    static let replications = OptionDefinition(
        "replications", .whole("K", unit: "", range: 1...10_000),
        "K runs with seeds S, S+1, ... S+K-1 (S: the seed above); also writes confidence.csv with the\nmean and 95 % confidence interval of drain time and peak offset lag", default: "1")

    /// `--ensemble`: run under every member of a profile set instead of one profile.
    static let ensemble = OptionDefinition(
        "ensemble", .text("NAME|FILE"), """
        run under every member of a profile set (shipped: \(ProfileSet.shippedNames.joined(separator: ", ")); or a
        .json set file: {"name", "description", "members": [profile names or .json files]})
        and report every summary metric as its range across the members: min, median,
        max and the member at each end; one simulation per member, on all cores; not
        with --profile
        """)

    /// `--no-compression`.
    static let noCompression = OptionDefinition(
        "no-compression", .flag, "simulate every batch instead of advancing steady stretches in one step\n(the outputs are the same; for cross-checks and timing)")

    /// `--max-events`, `RunLimits.maximumEvents`.
    static let maxEvents = OptionDefinition(
        "max-events", .whole("N", unit: "", range: 1_000...1_000_000_000_000), """
        the most engine events one run may handle: a run estimated above it is refused
        before it starts, and one admitted because it compresses stops with an error,
        writing nothing, if it compresses less than estimated
        """, default: "500000000, about two minutes")

    /// The options of every simulating command: seed, profile, interval, horizon,
    /// compression and the event limit.
    static let run = [seed, profile, interval, horizon, noCompression, maxEvents]

    /// `--prices`, `--region` and `--free-tier`.
    static let prices = [
        OptionDefinition("prices", .text("FILE"), "prices file", default: "the shipped prices.json"),
        OptionDefinition("region", .text("CODE"), "Region whose prices to use (shipped: \(PriceList.shippedRegions))", default: PriceList.defaultRegion),
        OptionDefinition("free-tier", .flag, "take the monthly free tier (1M requests, 400,000 GB-s) off the Lambda usage"),
    ]
}
