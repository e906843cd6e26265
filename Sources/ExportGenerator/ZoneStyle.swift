/// The UTC offset an XML export writes on an ISO 8601 time; the instant is the same whichever is used.
enum ZoneStyle: Equatable {
    /// `2018-10-08T09:31:05+08:00`: Shanghai time, as most rows are written.
    case shanghai
    /// `2018-10-08T01:31:05Z`: the same instant in UTC.
    case zulu
    /// `2018-10-08T01:31:05+00:00`: UTC with a numeric offset.
    case utc

    /// The time as written, `stamp` being Shanghai wall-clock time.
    func format(_ stamp: Stamp) -> String {
        var bytes: [UInt8] = []
        switch self {
        case .shanghai: DateStyle.appendISO(stamp, suffix: "+08:00", to: &bytes)
        case .zulu: DateStyle.appendISO(stamp.adding(-8 * 3600), suffix: "Z", to: &bytes)
        case .utc: DateStyle.appendISO(stamp.adding(-8 * 3600), suffix: "+00:00", to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
