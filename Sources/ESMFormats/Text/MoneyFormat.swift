/// Amounts of US dollars as people read them: `$1,332.00`.
public enum MoneyFormat {
    /// `amount` to the cent with grouped thousands, or to four places when it is below a
    /// cent but not zero (`$0.0042`), so small runs do not print as free.
    public static func dollars(_ amount: Double) -> String {
        let places = amount != 0 && abs(amount) < 0.01 ? 4 : 2
        let scale = places == 4 ? 10_000.0 : 100.0
        let units = (abs(amount) * scale).rounded()
        let whole = Int64((units / scale).rounded(.down))
        let fraction = Int64(units - Double(whole) * scale)
        let digits = String(fraction)
        let sign = amount < 0 && units != 0 ? "-" : ""
        return "\(sign)$\(CSVFormat.grouped(whole)).\(String(repeating: "0", count: places - digits.count))\(digits)"
    }
}
