/// A CSV output in memory: a header and rows of typed cells, rendered for Excel and WPS.
///
/// Rendering: RFC 4180 quoting, CRLF line ends, and the byte layout of ``Pipeline/Output/Encoding``
/// (UTF-8 with BOM by default, so Excel on Chinese Windows detects UTF-8; or GB18030).
package struct CSVTable: Sendable {
    package var header: [String]
    package var rows: [[Cell]] = []

    package init(header: [String]) { self.header = header }

    package mutating func append(_ row: [Cell]) { rows.append(row) }

    /// The file's text.
    package var text: String { String(decoding: utf8, as: UTF8.self) }

    /// The file's UTF-8 bytes, rows separated by CRLF.
    /// - Complexity: O(n) in the size of the file.
    var utf8: [UInt8] { Array(builder.utf8) }

    /// The table rendered.
    private var builder: CSVBuilder {
        var builder = CSVBuilder(header: header)
        for row in rows {
            for cell in row { builder.cell(cell) }
            builder.endRow()
        }
        return builder
    }

    /// The file's bytes in `encoding`.
    /// - Throws: ``HallRateError`` `.output` when GB18030 cannot represent a character.
    package func bytes(_ encoding: Pipeline.Output.Encoding) throws(HallRateError) -> [UInt8] {
        try builder.bytes(encoding)
    }

    /// Writes the table to `path` atomically.
    package func write(to path: String, encoding: Pipeline.Output.Encoding) throws(HallRateError) {
        try builder.write(to: path, encoding: encoding)
    }
}

/// Renders a CSV file straight into bytes, cell by cell: what ``CSVTable`` renders, without a
/// `String` or an array per cell. Cells of a row are separated by commas, rows end in CRLF.
struct CSVBuilder {
    /// A UTF-8 byte order mark, then the rendered rows.
    private var buffer: [UInt8]
    /// Whether the next cell is the first of its row.
    private var atRowStart = true

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// False for rows that continue a file another builder began (no byte order mark, no header).
    private let beginsFile: Bool

    /// A file that begins with `header`; `capacity` is a guess of its size in bytes.
    init(header: [String], capacity: Int = 0) {
        buffer = []
        buffer.reserveCapacity(max(capacity, 256))
        buffer.append(contentsOf: CSVBuilder.byteOrderMark)
        beginsFile = true
        for name in header { text(name) }
        endRow()
    }

    /// More rows of a file begun by another builder, for a file written in pieces.
    init(continuingWithCapacity capacity: Int) {
        buffer = []
        buffer.reserveCapacity(max(capacity, 256))
        beginsFile = false
    }

    /// The rows rendered so far.
    var isEmpty: Bool { buffer.count == (beginsFile ? CSVBuilder.byteOrderMark.count : 0) }

    @inline(__always)
    private mutating func separate() {
        if atRowStart { atRowStart = false } else { buffer.append(0x2C) }
    }

    /// A text cell (neutralised against formulas, quoted when needed).
    mutating func text(_ text: String) {
        separate()
        CSVFormatter.appendTextCell(text, to: &buffer)
    }

    /// A cell already rendered (see ``CSVBuilder/rendered(text:)``).
    mutating func rendered(_ bytes: [UInt8]) {
        separate()
        buffer.append(contentsOf: bytes)
    }

    /// A cell already rendered.
    mutating func rendered(_ bytes: UnsafeBufferPointer<UInt8>) {
        separate()
        buffer.append(contentsOf: bytes)
    }

    /// A typed cell.
    mutating func cell(_ cell: Cell) {
        separate()
        cell.append(to: &buffer)
    }

    /// An integer cell, as `String(value)` writes it.
    mutating func integer(_ value: Int) {
        separate()
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
            var rest = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            if value < 0 {
                start -= 1
                digits[start] = 0x2D
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// An integer cell, or an empty one for nil.
    mutating func integer(_ value: Int?) {
        if let value { integer(value) } else { empty() }
    }

    /// A decimal cell as ``Cell/decimal(_:places:)`` writes it (empty for nil or a value that is not finite).
    mutating func decimal(_ value: Double?, places: Int) {
        separate()
        if let value { DecimalFormatter.append(value, places: places, to: &buffer) }
    }

    /// An empty cell.
    mutating func empty() { separate() }

    /// Ends the row.
    mutating func endRow() {
        buffer.append(0x0D)
        buffer.append(0x0A)
        atRowStart = true
    }

    /// The bytes of a text cell, to be written with ``rendered(_:)`` many times.
    static func rendered(text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        CSVFormatter.appendTextCell(text, to: &bytes)
        return bytes
    }

    /// The rendered rows, in UTF-8 without a byte order mark.
    var utf8: ArraySlice<UInt8> { buffer[(beginsFile ? CSVBuilder.byteOrderMark.count : 0)...] }

    /// The file's bytes in `encoding`.
    /// - Throws: ``HallRateError`` `.output` when GB18030 cannot represent a character.
    func bytes(_ encoding: Pipeline.Output.Encoding) throws(HallRateError) -> [UInt8] {
        switch encoding {
        case .utf8BOM: return buffer
        case .utf8: return Array(utf8)
        case .gb18030:
            do {
                return try IconvConverter.convert(Array(utf8), from: "UTF-8", to: "GB18030")
            } catch {
                throw HallRateError(.output, "a character cannot be written in GB18030")
            }
        }
    }

    /// Writes the file to `path` atomically.
    func write(to path: String, encoding: Pipeline.Output.Encoding) throws(HallRateError) {
        try AtomicFile.write(bytes(encoding), to: path)
    }

    /// Writes the file next to `path`, to be put in place by ``AtomicFile/commit(_:)``.
    func stage(to path: String, encoding: Pipeline.Output.Encoding) throws(HallRateError) -> AtomicFile.Staged? {
        // UTF-8 without a byte order mark is the buffer after it: written from there, not copied.
        encoding == .utf8 ? try AtomicFile.stage(utf8, to: path) : try AtomicFile.stage(bytes(encoding), to: path)
    }
}
