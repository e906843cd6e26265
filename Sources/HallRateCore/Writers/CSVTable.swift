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
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    /// The file's UTF-8 bytes, rows separated by CRLF.
    /// - Complexity: O(n) in the size of the file.
    var utf8: [UInt8] {
        var bytes: [UInt8] = []
        func append(_ cells: some Sequence<Cell>) {
            var first = true
            for cell in cells {
                if !first { bytes.append(0x2C) }
                first = false
                bytes.append(contentsOf: cell.rendered.utf8)
            }
            bytes.append(contentsOf: [0x0D, 0x0A])
        }
        append(header.map(Cell.text))
        for row in rows { append(row) }
        return bytes
    }

    /// The file's bytes in `encoding`.
    /// - Throws: ``HallRateError`` `.output` when GB18030 cannot represent a character.
    public func bytes(_ encoding: Pipeline.Output.Encoding) throws(HallRateError) -> [UInt8] {
        let utf8 = self.utf8
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
