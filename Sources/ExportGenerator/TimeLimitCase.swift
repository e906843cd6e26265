/// One counted transaction of the district hall with its deadline and verdict (rules 19–21).
struct TimeLimitCase {
    let txn: Transaction
    /// The last day of its time limit (days since 1970-01-01); nil when uncatalogued.
    let deadline: Int?
    let verdict: TimeLimitVerdict

    var terms: ItemTerms? { txn.item?.terms }

    /// `YYYY-MM-DD` of a day number.
    static func dayLabel(_ day: Int) -> String {
        let (year, month, dayOfMonth) = Stamp.civilFromDays(day)
        var bytes: [UInt8] = []
        bytes.appendDigits(year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        bytes.appendDigits(month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        bytes.appendDigits(dayOfMonth, width: 2)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `YYYY-MM-DD HH:MM:SS`.
    static func timeLabel(_ stamp: Stamp) -> String {
        let f = stamp.fields
        var bytes = Array(dayLabel(stamp.dayNumber).utf8)
        bytes.append(UInt8(ascii: " "))
        bytes.appendDigits(f.hour, width: 2)
        bytes.append(UInt8(ascii: ":"))
        bytes.appendDigits(f.minute, width: 2)
        bytes.append(UInt8(ascii: ":"))
        bytes.appendDigits(f.second, width: 2)
        return String(decoding: bytes, as: UTF8.self)
    }
}
