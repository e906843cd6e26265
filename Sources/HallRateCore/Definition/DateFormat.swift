/// One accepted date format of a source, compiled once and matched against raw field bytes.
///
/// Patterns use `yyyy`, `M`/`MM`, `d`/`dd`, `H`/`HH`, `m`/`mm`, `s`/`ss` and literal text
/// (`yyyy年M月d日 HH:mm`); a single letter takes one or two digits, a double letter exactly two.
/// A space matches one or more spaces. Two names are special: `iso8601` (`2018-10-08T09:31:05+08:00`,
/// offset optional, converted to Asia/Shanghai) and `excel` (serial day numbers such as `43381.396`).
/// Impossible dates (2019-02-30, month 13) never match.
package struct DateFormat: Sendable, CustomStringConvertible {
    enum Part: Sendable {
        case number(Field, minDigits: Int, maxDigits: Int)
        case literal([UInt8])
        case spaces
    }

    enum Field: Sendable { case year, month, day, hour, minute, second }

    enum Kind: Sendable {
        case pattern([Part])
        case iso8601
        case excel
    }

    /// The format as written in the pipeline.
    package let description: String
    let kind: Kind
    /// The fast matcher of a pattern whose every part has a fixed width (`yyyy-MM-dd HH:mm:ss`), if it has.
    private var fixed: FixedLayout?

    /// Compiles `pattern`; returns nil when it has no year, month and day or an unknown letter.
    package init?(_ pattern: String) {
        description = pattern
        switch pattern.lowercased() {
        case "iso8601", "iso-8601":
            kind = .iso8601
            return
        case "excel", "excel-serial":
            kind = .excel
            return
        default: break
        }
        var parts: [Part] = []
        var seen: Set<String> = []
        let scalars = Array(pattern.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            var run = 1
            while i + run < scalars.count, scalars[i + run] == c { run += 1 }
            let field: Field?
            switch c {
            case "y": field = run == 4 ? .year : nil
            case "M": field = .month
            case "d": field = .day
            case "H": field = .hour
            case "m": field = .minute
            case "s": field = .second
            default: field = nil
            }
            if let field {
                guard run <= 2 || field == .year else { return nil }
                let digits = field == .year ? (4, 4) : (run == 1 ? (1, 2) : (2, 2))
                parts.append(.number(field, minDigits: digits.0, maxDigits: digits.1))
                seen.insert(String(c))
                i += run
            } else if c == "y" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) && c != "T" {
                return nil
            } else if c == " " {
                parts.append(.spaces)
                i += run
            } else {
                let bytes = Array(String(c).utf8)
                if case .literal(let previous) = parts.last {
                    parts[parts.count - 1] = .literal(previous + bytes)
                } else {
                    parts.append(.literal(bytes))
                }
                i += 1
            }
        }
        guard seen.isSuperset(of: ["y", "M", "d"]) else { return nil }
        kind = .pattern(parts)
        fixed = FixedLayout(parts)
    }

    /// Parses `text` (already trimmed) into a Shanghai local time, or nil when it does not match.
    package func parse(_ text: UnsafeBufferPointer<UInt8>) -> LocalTime? {
        switch kind {
        case .pattern(let parts):
            guard let fixed else { return DateFormat.parse(text, parts) }
            if text.count == fixed.length { return fixed.parse(text) }
            // Only extra spaces (a space in the pattern takes one or more) can make a match longer.
            return text.count > fixed.length && fixed.hasSpaces ? DateFormat.parse(text, parts) : nil
        case .iso8601: return DateFormat.parseISO8601(text)
        case .excel: return DateFormat.parseExcel(text)
        }
    }

    /// Convenience for tests and messages.
    package func parse(_ text: String) -> LocalTime? {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    /// For tests: the general matcher, never the fixed-width one.
    func parseWithoutFastPath(_ text: String) -> LocalTime? {
        var copy = text
        return copy.withUTF8 { bytes in
            if case .pattern(let parts) = kind { return DateFormat.parse(bytes, parts) }
            return parse(bytes)
        }
    }

    private static func parse(_ text: UnsafeBufferPointer<UInt8>, _ parts: [Part]) -> LocalTime? {
        var values = (year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0)
        var i = 0
        for part in parts {
            switch part {
            case .number(let field, let minDigits, let maxDigits):
                var value = 0
                var digits = 0
                while digits < maxDigits, i < text.count, text[i] >= 0x30, text[i] <= 0x39 {
                    value = value * 10 + Int(text[i] - 0x30)
                    digits += 1
                    i += 1
                }
                guard digits >= minDigits else { return nil }
                switch field {
                case .year: values.year = value
                case .month: values.month = value
                case .day: values.day = value
                case .hour: values.hour = value
                case .minute: values.minute = value
                case .second: values.second = value
                }
            case .literal(let bytes):
                guard i + bytes.count <= text.count else { return nil }
                for byte in bytes {
                    guard text[i] == byte else { return nil }
                    i += 1
                }
            case .spaces:
                guard i < text.count, text[i] == 0x20 else { return nil }
                while i < text.count, text[i] == 0x20 { i += 1 }
            }
        }
        guard i == text.count else { return nil }
        return LocalTime(
            year: values.year, month: values.month, day: values.day,
            hour: values.hour, minute: values.minute, second: values.second)
    }

    /// A pattern whose numbers all take an exact number of digits, matched against a text of exactly its
    /// length (each space in the pattern then matching one space) a word at a time: the same answers as
    /// the general matcher, for a fraction of the work. Up to 32 bytes.
    /// A class, so that a ``DateFormat`` stays small: copying one per parsed field was a memcpy of this.
    private final class FixedLayout: Sendable {
        typealias Words = (UInt64, UInt64, UInt64, UInt64)
        let length: Int
        let hasSpaces: Bool
        /// The expected byte at each position: the literal byte, a space, or `0x30` (`0`) for a digit.
        private let expected: Words
        /// Per byte `0x80 - limit`, where the byte xor-ed with `expected` must be below `limit`:
        /// 1 (equal) for literal bytes, 10 for digits (`b ^ 0x30 < 10` iff `b` is `0`...`9`).
        private let addend: Words
        /// Where each field's digits are, and how many (0 when the pattern lacks the field: its value is 0).
        /// A field given twice takes its last place, as in the general matcher.
        private let year: (offset: Int, digits: Int)
        private let month: (offset: Int, digits: Int)
        private let day: (offset: Int, digits: Int)
        private let hour: (offset: Int, digits: Int)
        private let minute: (offset: Int, digits: Int)
        private let second: (offset: Int, digits: Int)

        init?(_ parts: [Part]) {
            var expected = [UInt8](repeating: 0, count: 32)
            var addend = [UInt8](repeating: 0x7F, count: 32)
            var places: [Field: (offset: Int, digits: Int)] = [:]
            var at = 0
            var hasSpaces = false
            func put(_ byte: UInt8, limit: UInt8) -> Bool {
                guard at < 32 else { return false }
                expected[at] = byte
                addend[at] = 0x80 - limit
                at += 1
                return true
            }
            for part in parts {
                switch part {
                case .number(let field, let minDigits, let maxDigits):
                    guard minDigits == maxDigits else { return nil }
                    places[field] = (at, minDigits)
                    for _ in 0..<minDigits { guard put(0x30, limit: 10) else { return nil } }
                case .literal(let bytes):
                    for byte in bytes { guard put(byte, limit: 1) else { return nil } }
                case .spaces:
                    hasSpaces = true
                    guard put(0x20, limit: 1) else { return nil }
                }
            }
            length = at
            self.hasSpaces = hasSpaces
            year = places[.year] ?? (0, 0)
            month = places[.month] ?? (0, 0)
            day = places[.day] ?? (0, 0)
            hour = places[.hour] ?? (0, 0)
            minute = places[.minute] ?? (0, 0)
            second = places[.second] ?? (0, 0)
            func words(_ bytes: [UInt8]) -> Words {
                var words: Words = (0, 0, 0, 0)
                withUnsafeMutableBytes(of: &words) { $0.copyBytes(from: bytes) }
                return words
            }
            self.expected = words(expected)
            self.addend = words(addend)
        }

        /// Parses `text`, which must be `length` bytes long.
        func parse(_ text: UnsafeBufferPointer<UInt8>) -> LocalTime? {
            var x: Words = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &x) { $0.copyMemory(from: UnsafeRawBufferPointer(text)) }
            x = (x.0 ^ expected.0, x.1 ^ expected.1, x.2 ^ expected.2, x.3 ^ expected.3)
            // A byte of x at or above its limit sets its top bit in x + addend (no carry while x < 0x80).
            let bad =
                (x.0 | (x.0 &+ addend.0)) | (x.1 | (x.1 &+ addend.1))
                | (x.2 | (x.2 &+ addend.2)) | (x.3 | (x.3 &+ addend.3))
            guard bad & 0x8080_8080_8080_8080 == 0 else { return nil }
            // Now every digit position of x holds the digit's value.
            return withUnsafeBytes(of: &x) { raw in
                let digits = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                @inline(__always) func value(_ place: (offset: Int, digits: Int)) -> Int {
                    let at = place.offset
                    switch place.digits {
                    case 0: return 0
                    case 2: return Int(digits[at]) &* 10 &+ Int(digits[at + 1])
                    case 4: return (Int(digits[at]) &* 10 &+ Int(digits[at + 1])) &* 100 &+ Int(digits[at + 2]) &* 10 &+ Int(digits[at + 3])
                    default:
                        var value = 0
                        for i in at..<(at + place.digits) { value = value &* 10 &+ Int(digits[i]) }
                        return value
                    }
                }
                return LocalTime(
                    year: value(year), month: value(month), day: value(day),
                    hour: value(hour), minute: value(minute), second: value(second))
            }
        }
    }

    /// `yyyy-MM-ddTHH:mm[:ss[.fff]][Z|±HH[:MM]]`; a value without offset is taken as Shanghai time.
    private static func parseISO8601(_ text: UnsafeBufferPointer<UInt8>) -> LocalTime? {
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= text.count else { return nil }
            var value = 0
            for _ in 0..<count {
                let byte = text[i]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                i += 1
            }
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard i < text.count, text[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(0x2D), let month = number(2), expect(0x2D), let day = number(2),
            expect(0x54) || expect(0x20), let hour = number(2), expect(0x3A), let minute = number(2)
        else { return nil }
        var second = 0
        if expect(0x3A) {
            guard let s = number(2) else { return nil }
            second = s
            if expect(0x2E) || expect(0x2C) {
                let start = i
                while i < text.count, text[i] >= 0x30, text[i] <= 0x39 { i += 1 }
                guard i > start else { return nil }
            }
        }
        var offset: Int?
        if expect(0x5A) || expect(0x7A) {
            offset = 0
        } else if i < text.count, text[i] == 0x2B || text[i] == 0x2D {
            let sign = text[i] == 0x2D ? -1 : 1
            i += 1
            guard let hours = number(2), hours <= 18 else { return nil }
            var minutes = 0
            if i < text.count {
                _ = expect(0x3A)
                guard let m = number(2), m < 60 else { return nil }
                minutes = m
            }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard i == text.count,
            let local = LocalTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        guard let offset else { return local }
        return LocalTime(seconds: local.seconds - Int64(offset) + Int64(LocalTime.shanghaiOffsetSeconds))
    }

    /// Excel's serial day number: days since 1899-12-30, the fraction being the time of day. Excel
    /// counts a 29 February 1900 that never was (serial 60): serials below it are days since 1899-12-31
    /// (serial 1 is 1900-01-01, as Excel shows it), and serial 60 is no date.
    private static func parseExcel(_ text: UnsafeBufferPointer<UInt8>) -> LocalTime? {
        let isPlainDecimal =
            !text.isEmpty && text.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }
            && text.filter { $0 == 0x2E }.count <= 1 && text.first != 0x2E
        guard isPlainDecimal, text.count <= 32, let value = Double(String(decoding: text, as: UTF8.self)),
            value >= 1, value < 2_958_466  // 1900-01-01 ... 9999-12-31
        else { return nil }
        guard value < 60 || value >= 61, let epoch = LocalTime(year: 1899, month: 12, day: value < 60 ? 31 : 30) else { return nil }
        let seconds = (value * 86_400).rounded()
        return LocalTime(seconds: epoch.seconds + Int64(seconds))
    }
}
