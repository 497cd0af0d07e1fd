/// One benchmark result, passed from a child process to the report as one line.
struct Measurement {
    var name: String
    var events: Int
    var wallSeconds: Double
    var peakMemoryKB: Int = 0
    var note: String = ""

    var eventsPerSecond: Double { wallSeconds > 0 ? Double(events) / wallSeconds : 0 }

    /// `name|events|seconds|note`: the child's stdout line.
    var serialized: String { "\(name)|\(events)|\(wallSeconds)|\(note)" }

    init(name: String, events: Int, wallSeconds: Double, note: String = "") {
        self.name = name
        self.events = events
        self.wallSeconds = wallSeconds
        self.note = note
    }

    init?(serialized line: String) {
        let parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let events = Int(parts[1]), let seconds = Double(parts[2]) else { return nil }
        self.init(name: parts[0], events: events, wallSeconds: seconds, note: parts[3])
    }
}
