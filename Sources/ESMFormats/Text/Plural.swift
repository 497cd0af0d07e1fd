/// Counts with their nouns in the right number: "1 poller", "2 pollers".
public enum Plural {
    /// `count` and `noun` (given in the singular), the noun made plural unless the count is 1;
    /// the count's digits are grouped (`12,000 records`).
    public static func count<Number: BinaryInteger>(_ count: Number, _ noun: String) -> String {
        "\(CSVFormat.grouped(Int64(count))) \(count == 1 ? noun : plural(noun))"
    }

    /// The plural of an English noun: `batch` → `batches`, `retry` → `retries`, `poller` → `pollers`.
    public static func plural(_ noun: String) -> String {
        if noun.hasSuffix("s") || noun.hasSuffix("x") || noun.hasSuffix("ch") || noun.hasSuffix("sh") { return noun + "es" }
        if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) { return noun.dropLast() + "ies" }
        return noun + "s"
    }

    /// A unit written in the plural (`pollers`, `retries`, `bytes/s`) as it reads after
    /// `value`: singular after exactly 1, so "1 poller" but "2 pollers" and "0.5 s".
    public static func unit(_ unit: String, after value: String) -> String {
        guard value == "1" else { return unit }
        let word = unit.prefix { $0.isLetter }
        let rest = unit.dropFirst(word.count)
        guard word.count > 2, word.hasSuffix("s") else { return unit }
        let singular: Substring
        if word.hasSuffix("ies") {
            singular = word.dropLast(3) + "y"
        } else if word.hasSuffix("ches") || word.hasSuffix("shes") || word.hasSuffix("sses") || word.hasSuffix("xes") {
            singular = word.dropLast(2)
        } else {
            singular = word.dropLast()
        }
        return String(singular + rest)
    }
}
