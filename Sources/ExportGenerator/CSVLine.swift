/// RFC 4180 encoding of one record: fields holding a comma, double quote, CR or LF are quoted, quotes doubled.
enum CSVLine {
    static func needsQuoting(_ field: String) -> Bool {
        field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }

    /// The field as it appears in the file.
    static func encode(_ field: String) -> String {
        guard needsQuoting(field) else { return field }
        var quoted = "\""
        for character in field {
            if character == "\"" { quoted.append("\"") }
            quoted.append(character)
        }
        quoted.append("\"")
        return quoted
    }

    /// Appends the record and its line ending.
    static func append(_ fields: [String], lineEnding: String, to bytes: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            bytes.appendText(encode(field))
        }
        bytes.appendText(lineEnding)
    }
}
