/// A CSV output in memory: a header and rows of typed cells, rendered for Excel and WPS.
///
/// Rendering: RFC 4180 quoting, CRLF line ends, and the byte layout of ``Pipeline/Output/Encoding``
/// (UTF-8 with BOM by default, so Excel on Chinese Windows detects UTF-8; or GB18030).
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[Cell]] = []

    public init(header: [String]) { self.header = header }

    public mutating func append(_ row: [Cell]) { rows.append(row) }

    /// The file's text.
    public var text: String {
        var text = header.map { Cell.text($0).rendered }.joined(separator: ",") + "\r\n"
        for row in rows {
            text += row.map(\.rendered).joined(separator: ",")
            text += "\r\n"
        }
        return text
    }

    /// The file's bytes in `encoding`.
    /// - Throws: ``HallRateError`` `.output` when GB18030 cannot represent a character.
    public func bytes(_ encoding: Pipeline.Output.Encoding) throws(HallRateError) -> [UInt8] {
        let utf8 = Array(text.utf8)
        switch encoding {
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + utf8
        case .utf8: return utf8
        case .gb18030:
            do {
                return try IconvConverter.convert(utf8, from: "UTF-8", to: "GB18030")
            } catch {
                throw HallRateError(.output, "a character cannot be written in GB18030")
            }
        }
    }

    /// Writes the table to `path` atomically.
    public func write(to path: String, encoding: Pipeline.Output.Encoding) throws(HallRateError) {
        try AtomicFile.write(bytes(encoding), to: path)
    }
}
