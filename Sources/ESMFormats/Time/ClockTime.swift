/// Wall-clock instants as Unix milliseconds, read from and written as ISO 8601 in UTC.
///
/// The arithmetic is proleptic Gregorian on integers (days from 1970-01-01), so the same
/// text gives the same instant on every platform and time zone setting; no calendar or
/// locale of the host is consulted.
public enum ClockTime {
    /// Parses `2026-11-02T00:00:00Z`, with optional fractional seconds (milliseconds kept)
    /// and a zone `Z`, `+HH:MM`, `+HHMM` or `+HH`; a space may stand for `T`. Text with no
    /// zone is read as UTC. Nil when the text is not such a time or names an impossible
    /// date (2026-02-30, hour 24).
    public static func parse(_ text: String) -> Int64? {
        let characters = Array(text.utf8)
        var index = 0
        func digits(_ count: Int) -> Int64? {
            guard index + count <= characters.count else { return nil }
            var value: Int64 = 0
            for offset in 0..<count {
                let character = characters[index + offset]
                guard character >= 48 && character <= 57 else { return nil }
                value = value * 10 + Int64(character - 48)
            }
            index += count
            return value
        }
        func expect(_ character: UInt8) -> Bool {
            guard index < characters.count, characters[index] == character else { return false }
            index += 1
            return true
        }
        guard let year = digits(4), expect(45), let month = digits(2), expect(45), let day = digits(2) else { return nil }
        guard index < characters.count, [84, 116, 32].contains(characters[index]) else { return nil }
        index += 1
        guard let hour = digits(2), expect(58), let minute = digits(2), expect(58), let second = digits(2) else { return nil }
        var milliseconds: Int64 = 0
        if expect(46) {
            var scale: Int64 = 100
            var seen = 0
            while index < characters.count, characters[index] >= 48, characters[index] <= 57 {
                milliseconds += Int64(characters[index] - 48) * scale
                scale /= 10
                seen += 1
                index += 1
            }
            guard seen > 0 else { return nil }
        }
        var offsetMinutes: Int64 = 0
        if index < characters.count {
            if expect(90) || expect(122) {
                // Z: UTC.
            } else if characters[index] == 43 || characters[index] == 45 {
                let sign: Int64 = characters[index] == 45 ? -1 : 1
                index += 1
                guard let zoneHours = digits(2), zoneHours <= 23 else { return nil }
                var zoneMinutes: Int64 = 0
                if index < characters.count {
                    _ = expect(58)
                    guard let minutes = digits(2), minutes <= 59 else { return nil }
                    zoneMinutes = minutes
                }
                offsetMinutes = sign * (zoneHours * 60 + zoneMinutes)
            } else {
                return nil
            }
        }
        guard index == characters.count else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetMinutes * 60
        return seconds * 1_000 + milliseconds
    }

    /// `2026-11-02T00:00:00Z`, with `.sss` only when the instant has milliseconds.
    public static func iso8601(_ epochMilliseconds: Int64) -> String {
        let milliseconds = ((epochMilliseconds % 1_000) + 1_000) % 1_000
        let seconds = (epochMilliseconds - milliseconds) / 1_000
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        let (year, month, day) = civilFromDays((seconds - secondOfDay) / 86_400)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
            + pad(secondOfDay / 3_600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if milliseconds != 0 { text += "." + pad(milliseconds, 3) }
        return text + "Z"
    }

    /// `HH:MM` of the instant in UTC, for chart axes.
    public static func hourMinute(_ epochMilliseconds: Int64) -> String {
        let text = iso8601(epochMilliseconds)
        let start = text.index(text.startIndex, offsetBy: 11)
        return String(text[start..<text.index(start, offsetBy: 5)])
    }

    static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    static func isLeap(_ year: Int64) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date (year, month, day) of a day count since 1970-01-01.
    public static func civilFromDays(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
