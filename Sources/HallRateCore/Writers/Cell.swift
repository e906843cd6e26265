/// One cell of a CSV output: text (neutralised against formula injection) or a number (written as is).
public enum Cell: Sendable, Equatable {
    case text(String)
    case number(String)
    case empty

    /// An integer cell.
    public static func integer(_ value: Int) -> Cell { .number(String(value)) }

    /// A decimal cell with `places` decimals, or empty when `value` is nil.
    /// A value that rounds to zero is written `0.00`, never `-0.00`.
    public static func decimal(_ value: Double?, places: Int) -> Cell {
        guard let value, value.isFinite else { return .empty }
        return .number(DecimalFormatter.format(value, places: places))
    }

    /// The cell as it appears in the file, quoted when needed.
    public var rendered: String {
        switch self {
        case .text(let text): return CSVFormatter.quoted(CSVFormatter.neutralized(text))
        case .number(let text): return text
        case .empty: return ""
        }
    }
}
