import ESMModel

/// The prices that bill a Kafka ESM and its function in one AWS Region.
public struct RegionPrices: Equatable, Sendable {
    /// The Region's code (`us-east-1`).
    public var region: String
    /// One Event Poller Unit for one hour (MSK or self-managed Kafka, provisioned mode).
    public var epuHour: Double
    /// One million function requests.
    public var requestsPerMillion: Double
    /// One GB-second of x86_64 function duration (the first pricing tier).
    public var gbSecondX86: Double
    /// One GB-second of arm64 function duration (the first pricing tier).
    public var gbSecondArm: Double
    /// Requests the monthly free tier covers.
    public var freeTierRequests: Double
    /// GB-seconds the monthly free tier covers, shared by both architectures.
    public var freeTierGBSeconds: Double
    /// Every figure with its unit, date and source, in file order.
    public var figures: [PriceFigure]

    /// The keys a Region's `prices` object must hold, with each one's unit.
    /// Each with the range a real price can take: a hundred times the dearest published
    /// figure, so a typo (a missing decimal point) or a unit slip is refused, not billed.
    public static let requiredFigures: [(name: String, unit: String, range: ClosedRange<Double>)] = [
        ("epuHour", "USD per EPU-hour", 0...20),
        ("requestsPerMillion", "USD per 1M requests", 0...20),
        ("gbSecond.x86_64", "USD per GB-second", 0...0.002),
        ("gbSecond.arm64", "USD per GB-second", 0...0.002),
        ("freeTier.requests", "requests per month", 0...1e9),
        ("freeTier.gbSeconds", "GB-seconds per month", 0...1e8),
    ]

    /// Builds the prices from figures holding every required key.
    init?(region: String, figures: [PriceFigure]) {
        func value(_ name: String) -> Double? { figures.first { $0.name == name }?.value }
        guard let epu = value("epuHour"), let requests = value("requestsPerMillion"),
              let x86 = value("gbSecond.x86_64"), let arm = value("gbSecond.arm64"),
              let freeRequests = value("freeTier.requests"), let freeSeconds = value("freeTier.gbSeconds") else { return nil }
        self.region = region
        epuHour = epu
        requestsPerMillion = requests
        gbSecondX86 = x86
        gbSecondArm = arm
        freeTierRequests = freeRequests
        freeTierGBSeconds = freeSeconds
        self.figures = figures
    }

    /// The price of a GB-second on `architecture`.
    public func gbSecond(_ architecture: FunctionSpec.Architecture) -> Double {
        switch architecture {
        case .x86_64: return gbSecondX86
        case .arm64: return gbSecondArm
        }
    }
}
