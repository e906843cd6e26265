/// One sheet of a workbook: a header row and typed cells, with the presentation a supervisor expects
/// (frozen and filtered header, widths that fit Chinese text, highlighted rows), and sentences above
/// the header (notes, highlighted: a provisional month) and below the table (footnotes: what it means).
struct Worksheet {
    /// A typed cell. Text is always a string cell, never a formula.
    enum Value {
        case text(String)
        case integer(Int)
        /// A ratio shown as a percentage (0.6523 → 65.23%).
        case percent(Double)
        /// A plain decimal with two places (percentage points).
        case decimal(Double)
        case empty
    }

    let name: String
    let header: [String]
    private(set) var rows: [(cells: [Value], highlighted: Bool)] = []
    /// Sentences above the header, one a row, highlighted (the warning of a provisional month).
    var notes: [String] = []
    /// Sentences below the table after one empty row, one a row, outside the filter.
    var footnotes: [String] = []

    /// The 1-based row of the header: after the notes.
    var headerRow: Int { notes.count + 1 }

    /// The filtered range, header and table (`A1:K5`), without the notes and footnotes.
    var filterRange: String {
        "A\(headerRow):\(Worksheet.columnName(max(header.count - 1, 0)))\(headerRow + rows.count)"
    }

    init(name: String, header: [String]) {
        self.name = name
        self.header = header
    }

    mutating func append(_ cells: [Value], highlighted: Bool = false) { rows.append((cells, highlighted)) }

    /// Column widths in Excel's character units: CJK characters count double.
    var columnWidths: [Double] {
        header.indices.map { column in
            let texts = [header[column]] + rows.map { row in column < row.cells.count ? Worksheet.display(row.cells[column]) : "" }
            let widest = texts.map(Worksheet.displayWidth).max() ?? 8
            return Double(min(max(widest + 2, 8), 60))
        }
    }

    static func display(_ value: Value) -> String {
        switch value {
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .percent: return "100.00%"
        case .decimal: return "-100.00"
        case .empty: return ""
        }
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    }

    /// `A`, `B`, … `AA` for a 0-based column.
    static func columnName(_ index: Int) -> String {
        var name = ""
        var n = index + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// The sheet's XML (SpreadsheetML), with style indices from ``XLSXWorkbook``'s stylesheet.
    func xml() -> [UInt8] {
        var xml = XMLStreamWriter()
        xml.start("worksheet", [("xmlns", XLSXWorkbook.mainNamespace), ("xmlns:r", XLSXWorkbook.relationshipNamespace)])
        xml.start("sheetViews")
        xml.start("sheetView", [("workbookViewId", "0")])
        xml.empty("pane", [("ySplit", "\(headerRow)"), ("topLeftCell", "A\(headerRow + 1)"), ("activePane", "bottomLeft"),
                           ("state", "frozen")])
        xml.end()
        xml.end()
        xml.start("cols")
        for (index, width) in columnWidths.enumerated() {
            xml.empty("col", [("min", "\(index + 1)"), ("max", "\(index + 1)"), ("width", String(format: "%.1f", width)),
                              ("customWidth", "1")])
        }
        xml.end()
        xml.start("sheetData")
        for (offset, note) in notes.enumerated() { writeRow(&xml, number: offset + 1, cells: [.text(note)], style: .highlighted) }
        writeRow(&xml, number: headerRow, cells: header.map(Value.text), style: .header)
        for (offset, row) in rows.enumerated() {
            writeRow(&xml, number: headerRow + 1 + offset, cells: row.cells, style: row.highlighted ? .highlighted : .plain)
        }
        for (offset, note) in footnotes.enumerated() {
            writeRow(&xml, number: headerRow + rows.count + 2 + offset, cells: [.text(note)], style: .plain)
        }
        xml.end()
        xml.empty("autoFilter", [("ref", filterRange)])
        xml.end()
        return xml.bytes
    }

    private enum RowStyle { case header, plain, highlighted }

    /// The most characters (UTF-16 units) Excel keeps in a cell.
    static let maxCellLength = 32_767

    /// `text` cut to what a cell holds, at a character boundary and marked `…[cut]` (Excel refuses a
    /// longer cell: "We found a problem with some content").
    static func fitted(_ text: String) -> String {
        guard text.utf16.count > maxCellLength else { return text }
        let marker = "…[cut]"
        var kept = ""
        var units = 0
        for character in text {
            let length = character.utf16.count
            if units + length > maxCellLength - marker.utf16.count { break }
            kept.append(character)
            units += length
        }
        return kept + marker
    }

    private func writeRow(_ xml: inout XMLStreamWriter, number: Int, cells: [Value], style: RowStyle) {
        xml.start("row", [("r", "\(number)")])
        for (column, value) in cells.enumerated() {
            let reference = Worksheet.columnName(column) + "\(number)"
            let styleIndex = XLSXWorkbook.style(for: value, header: style == .header, highlighted: style == .highlighted)
            var attributes = [("r", reference), ("s", "\(styleIndex)")]
            switch value {
            case .text(let text):
                attributes.append(("t", "inlineStr"))
                xml.start("c", attributes)
                xml.start("is")
                xml.element("t", [("xml:space", "preserve")], text: Worksheet.fitted(text))
                xml.end()
                xml.end()
            case .integer(let number):
                xml.start("c", attributes)
                xml.element("v", text: String(number))
                xml.end()
            case .percent(let number), .decimal(let number):
                xml.start("c", attributes)
                xml.element("v", text: number.isFinite ? "\(number)" : "0")
                xml.end()
            case .empty:
                xml.empty("c", attributes)
            }
        }
        xml.end()
    }
}
