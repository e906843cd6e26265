/// One record of a TAB-separated export: fields joined by TAB, no quoting at all.
enum TabLine {
    /// True when `field` can be written without quoting: no TAB, double quote, CR or LF.
    static func isPlain(_ field: String) -> Bool {
        !field.utf8.contains { $0 == 0x09 || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Appends the record and its line ending.
    static func append(_ fields: [String], lineEnding: String, to bytes: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(0x09) }
            bytes.appendText(field)
        }
        bytes.appendText(lineEnding)
    }
}
