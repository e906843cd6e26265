/// Formats cells and rows of the CSV outputs: RFC 4180 quoting, and text cells made safe to open
/// in a spreadsheet.
package enum CSVFormatter {
    /// `value` quoted when it holds the delimiter, a quote, CR or LF (quotes doubled).
    /// - Parameter delimiter: an ASCII delimiter.
    package static func quoted(_ value: String, delimiter: Character = ",") -> String {
        let separator = delimiter.asciiValue ?? UInt8(ascii: ",")
        guard value.utf8.contains(where: { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            return value
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 8)
        appendQuoted(value.utf8, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A text cell that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, tab or CR)
    /// gets a leading apostrophe, so it shows as text. Numbers are never passed through this.
    package static func neutralized(_ text: String) -> String {
        guard let first = text.utf8.first, isFormulaStart(first) else { return text }
        return "'" + text
    }

    @inline(__always)
    static func isFormulaStart(_ byte: UInt8) -> Bool {
        byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
    }

    /// Appends `text` as a CSV text cell, `quoted(neutralized(text))`, in UTF-8.
    static func appendTextCell(_ text: String, to bytes: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ appendTextCell(utf8: $0, to: &bytes) }) != nil { return }
        Array(text.utf8).withUnsafeBufferPointer { appendTextCell(utf8: $0, to: &bytes) }
    }

    /// Appends the UTF-8 text `utf8` as a CSV text cell: an apostrophe before a formula-like start,
    /// then quoted (quotes doubled) when it holds a comma, a quote, CR or LF.
    static func appendTextCell(utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        let neutralize = utf8.first.map(isFormulaStart) ?? false
        var needsQuotes = false
        for byte in utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        if !needsQuotes {
            if neutralize { bytes.append(0x27) }
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(0x22)
        if neutralize { bytes.append(0x27) }
        var from = 0
        for (i, byte) in utf8.enumerated() where byte == 0x22 {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[from...i]))
            from = i  // the quote is written again with what follows: doubled
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[from...]))
        bytes.append(0x22)
    }

    /// Appends `"` + `utf8` with quotes doubled + `"`.
    private static func appendQuoted(_ utf8: String.UTF8View, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }
}
