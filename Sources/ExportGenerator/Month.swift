/// One calendar month of exports.
struct Month: Equatable {
    let year: Int
    let month: Int

    /// Midnight of the 1st.
    var start: Stamp { Stamp(year: year, month: month, day: 1) }

    /// The last second of the month (23:59:59 on its last day).
    var end: Stamp { Stamp(year: year, month: month, day: days, hour: 23, minute: 59, second: 59) }

    var days: Int { Stamp.daysIn(month: month, year: year) }

    /// `YYYY-MM`, as used in file names.
    var label: String {
        var bytes: [UInt8] = []
        bytes.appendDigits(year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        bytes.appendDigits(month, width: 2)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The month `count` months later.
    func advanced(by count: Int) -> Month {
        let index = year * 12 + (month - 1) + count
        return Month(year: index / 12, month: index % 12 + 1)
    }

    /// `count` consecutive months starting with `first`.
    static func run(from first: Month, count: Int) -> [Month] {
        (0..<count).map { first.advanced(by: $0) }
    }
}
