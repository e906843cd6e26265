/// The date-time spellings of the export layouts.
enum DateStyle {
    /// `2018-10-08 09:31:05` (district exports).
    case dashed
    /// `2018/10/8 9:31`, no zero padding of month, day or hour (township exports).
    case slashed
    /// `2018年10月8日 09:31` (village exports).
    case chinese
    /// `2018/10/08 09:31:05`, zero-padded (street exports).
    case slashedPadded
    /// `2018-10-08T09:31:05+08:00`, ISO 8601 with the Shanghai offset (village XML exports; see ``ZoneStyle``
    /// for the other offsets they use).
    case iso8601

    func format(_ stamp: Stamp) -> String {
        var bytes: [UInt8] = []
        append(stamp, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    func append(_ stamp: Stamp, to bytes: inout [UInt8]) {
        let f = stamp.fields
        switch self {
        case .dashed:
            bytes.appendDigits(f.year, width: 4)
            bytes.append(UInt8(ascii: "-"))
            bytes.appendDigits(f.month, width: 2)
            bytes.append(UInt8(ascii: "-"))
            bytes.appendDigits(f.day, width: 2)
            bytes.append(UInt8(ascii: " "))
            bytes.appendDigits(f.hour, width: 2)
            bytes.append(UInt8(ascii: ":"))
            bytes.appendDigits(f.minute, width: 2)
            bytes.append(UInt8(ascii: ":"))
            bytes.appendDigits(f.second, width: 2)
        case .slashed:
            bytes.appendDigits(f.year, width: 4)
            bytes.append(UInt8(ascii: "/"))
            bytes.appendDecimal(f.month)
            bytes.append(UInt8(ascii: "/"))
            bytes.appendDecimal(f.day)
            bytes.append(UInt8(ascii: " "))
            bytes.appendDecimal(f.hour)
            bytes.append(UInt8(ascii: ":"))
            bytes.appendDigits(f.minute, width: 2)
        case .chinese:
            bytes.appendDigits(f.year, width: 4)
            bytes.appendText("年")
            bytes.appendDecimal(f.month)
            bytes.appendText("月")
            bytes.appendDecimal(f.day)
            bytes.appendText("日 ")
            bytes.appendDigits(f.hour, width: 2)
            bytes.append(UInt8(ascii: ":"))
            bytes.appendDigits(f.minute, width: 2)
        case .slashedPadded:
            bytes.appendDigits(f.year, width: 4)
            bytes.append(UInt8(ascii: "/"))
            bytes.appendDigits(f.month, width: 2)
            bytes.append(UInt8(ascii: "/"))
            bytes.appendDigits(f.day, width: 2)
            bytes.append(UInt8(ascii: " "))
            bytes.appendDigits(f.hour, width: 2)
            bytes.append(UInt8(ascii: ":"))
            bytes.appendDigits(f.minute, width: 2)
            bytes.append(UInt8(ascii: ":"))
            bytes.appendDigits(f.second, width: 2)
        case .iso8601:
            DateStyle.appendISO(stamp, suffix: "+08:00", to: &bytes)
        }
    }

    /// Appends `yyyy-MM-ddTHH:mm:ss` of `stamp`'s wall-clock fields, then `suffix` (the offset).
    static func appendISO(_ stamp: Stamp, suffix: String, to bytes: inout [UInt8]) {
        let f = stamp.fields
        bytes.appendDigits(f.year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        bytes.appendDigits(f.month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        bytes.appendDigits(f.day, width: 2)
        bytes.append(UInt8(ascii: "T"))
        bytes.appendDigits(f.hour, width: 2)
        bytes.append(UInt8(ascii: ":"))
        bytes.appendDigits(f.minute, width: 2)
        bytes.append(UInt8(ascii: ":"))
        bytes.appendDigits(f.second, width: 2)
        bytes.appendText(suffix)
    }
}
