/// One cell of a CSV output: text (neutralised against formula injection) or a number (written as is).
package enum Cell: Sendable, Equatable {
    case text(String)
    case number(String)
    case empty

    /// An integer cell.
    package static func integer(_ value: Int) -> Cell { .number(String(value)) }

    /// A decimal cell with `places` decimals, or empty when `value` is nil.
    /// A value that rounds to zero is written `0.00`, never `-0.00`.
    package static func decimal(_ value: Double?, places: Int) -> Cell {
        guard let value, value.isFinite else { return .empty }
        return .number(DecimalFormatter.format(value, places: places))
    }

    /// The cell as it appears in the file, quoted when needed.
    package var rendered: String {
        switch self {
        case .text:
            var bytes: [UInt8] = []
            append(to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        case .number(let text): return text
        case .empty: return ""
        }
    }

    /// Appends ``rendered``'s UTF-8 bytes to `bytes`.
    func append(to bytes: inout [UInt8]) {
        switch self {
        case .text(let text): CSVFormatter.appendTextCell(text, to: &bytes)
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .empty: break
        }
    }
}
