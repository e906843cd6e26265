/// One sheet of a workbook: a header row and typed cells, with the presentation a supervisor expects
/// (frozen and filtered header, widths that fit Chinese text, fills that mean something), sentences
/// above the header (notes: the warning of a provisional month) and below the table (footnotes: what
/// it means), a legend that explains every fill, and a print setup (landscape A4, one page wide, the
/// header row on every page, the sheet's name as the page title).
struct Worksheet {
    /// A typed cell. Text is always a string cell, never a formula.
    enum Value {
        case text(String)
        case integer(Int)
        /// An integer shown with its sign: `+2`, `-1`, `0` (a change of rank).
        case signedInteger(Int)
        /// A ratio shown as a percentage (0.6523 → 65.23%).
        case percent(Double)
        /// A plain decimal with two places (percentage points).
        case decimal(Double)
        /// A decimal with two places and its sign: `+1.25`, `-3.00`, `0.00` (percentage points from a target).
        case signedDecimal(Double)
        /// A month, stored as the date of its first day (so that it sorts) and shown as `2019年4月`
        /// or `2019-04` by the workbook's month format.
        case month(Period)
        /// A day, stored as a date and shown by the workbook's day format.
        case day(CalendarDate)
        case empty
    }

    /// What a cell's fill and font mean. Every emphasis but ``plain`` and ``header`` is explained in
    /// the sheet's legend, and the rows that carry one also say it in words (grayscale print).
    enum Emphasis: Int, CaseIterable {
        case plain, header
        /// The warning of a provisional month (amber, bold).
        case warning
        /// A hall on the red list (light red).
        case redList
        /// A hall on the black list (gray, bold).
        case blackList
        /// A hall below its tier's target (light yellow).
        case belowTarget
        /// A hall without data in the month: not reporting (light blue).
        case noData
    }

    /// A value with its emphasis.
    struct Cell {
        let value: Value
        let emphasis: Emphasis
    }

    /// One line of the legend: `label` shown with `emphasis`, then what it means.
    struct LegendEntry {
        let emphasis: Emphasis
        let label: String
        let meaning: String
    }

    /// The name as Excel accepts it (see ``sheetName(_:)``).
    let name: String
    /// Column headers; a `\n` breaks a header over two lines (a unit under its name).
    let header: [String]
    private(set) var rows: [[Cell]] = []
    /// Sentences above the header, one a row, with the warning emphasis (a provisional month).
    var notes: [String] = []
    /// Sentences below the table after one empty row, one a row, outside the filter.
    var footnotes: [String] = []
    /// The title line of the legend (`图例`).
    var legendTitle = ""
    /// The legend, after the footnotes: one row per fill used on the sheet, and words worth explaining.
    var legend: [LegendEntry] = []

    /// The 1-based row of the header: after the notes.
    var headerRow: Int { notes.count + 1 }

    /// The filtered range, header and table (`A1:K5`), without the notes and footnotes.
    var filterRange: String {
        "A\(headerRow):\(Worksheet.columnName(lastColumn))\(headerRow + rows.count)"
    }

    /// The 0-based index of the last column of the table.
    var lastColumn: Int { max(header.count - 1, 0) }

    /// The first row of the footnotes, after one empty row under the table.
    private var footnoteRow: Int { headerRow + rows.count + 2 }

    /// The first row of the legend: its title, after the footnotes and one empty row.
    private var legendRow: Int { footnoteRow + footnotes.count + (footnotes.isEmpty ? 0 : 1) }

    /// The last row written.
    var lastRow: Int {
        if !legend.isEmpty { return legendRow + legend.count }
        return footnotes.isEmpty ? headerRow + rows.count : footnoteRow + footnotes.count - 1
    }

    init(name: String, header: [String]) {
        self.name = Worksheet.sheetName(name)
        self.header = header
    }

    /// Appends a row whose cells all have `emphasis`.
    mutating func append(_ values: [Value], emphasis: Emphasis = .plain) {
        rows.append(values.map { Cell(value: $0, emphasis: emphasis) })
    }

    /// Appends a row of cells, each with its own emphasis.
    mutating func append(cells: [Cell]) { rows.append(cells) }

    /// The characters Excel refuses in a sheet name.
    static let forbiddenNameCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// The longest sheet name Excel accepts, in characters (UTF-16 units).
    static let maxNameLength = 31

    /// `name` as Excel accepts a sheet name: the characters `[ ] : * ? / \` replaced by `_`, no
    /// apostrophe at either end, at most 31 characters, never empty.
    static func sheetName(_ name: String) -> String {
        var cleaned = String(name.map { forbiddenNameCharacters.contains($0) ? "_" : $0 })
        while cleaned.hasPrefix("'") { cleaned.removeFirst() }
        var kept = ""
        for character in cleaned where kept.utf16.count + character.utf16.count <= maxNameLength { kept.append(character) }
        while kept.hasSuffix("'") { kept.removeLast() }
        return kept.isEmpty ? "Sheet" : kept
    }

    /// Column widths in Excel's character units: CJK characters count double; a header counts by its
    /// widest line, the legend's labels count in the first column.
    var columnWidths: [Double] {
        header.indices.map { column in
            var widest = header[column].split(separator: "\n").map { Worksheet.displayWidth(String($0)) }.max() ?? 0
            for row in rows where column < row.count {
                widest = max(widest, Worksheet.displayWidth(Worksheet.display(row[column].value)))
            }
            if column == 0 { widest = max(widest, legend.map { Worksheet.displayWidth($0.label) }.max() ?? 0) }
            return Double(min(max(widest + 2, 8), 50))
        }
    }

    /// The text a cell shows at its widest, for its column's width.
    static func display(_ value: Value) -> String {
        switch value {
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .signedInteger(let number): return "+" + String(number)
        case .percent: return "100.00%"
        case .decimal, .signedDecimal: return "-100.00"
        case .month: return "2019年12月"
        case .day: return "2019年12月31日"
        case .empty: return ""
        }
    }

    /// The width of `text` in Excel's character units: CJK and other wide characters count double.
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

    /// The height in points of one line of 11-point text, CJK included.
    static let lineHeight = 16.0

    /// The height of a row holding `text` wrapped in a cell `width` characters wide (an estimate:
    /// Excel does not fit the height of merged cells itself).
    static func wrappedHeight(_ text: String, width: Double) -> Double {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            max(1, Int((Double(displayWidth(String(line))) * 1.1 / max(width - 1, 1)).rounded(.up)))
        }
        return Double(lines.reduce(0, +)) * lineHeight
    }

    /// The sheet's XML (SpreadsheetML), in the order the schema requires, with style indices from
    /// ``XLSXWorkbook``'s stylesheet; `pageFooter` is the footer's text (`第 &P 页，共 &N 页`).
    func xml(pageFooter: String) -> [UInt8] {
        let widths = columnWidths
        let last = Worksheet.columnName(lastColumn)
        var merged: [String] = []
        var xml = XMLStreamWriter()
        xml.start("worksheet", [("xmlns", XLSXWorkbook.mainNamespace), ("xmlns:r", XLSXWorkbook.relationshipNamespace)])
        xml.start("sheetPr")
        xml.empty("pageSetUpPr", [("fitToPage", "1")])
        xml.end()
        xml.empty("dimension", [("ref", "A1:\(last)\(lastRow)")])
        xml.start("sheetViews")
        xml.start("sheetView", [("workbookViewId", "0")])
        xml.empty(
            "pane",
            [
                ("ySplit", "\(headerRow)"), ("topLeftCell", "A\(headerRow + 1)"), ("activePane", "bottomLeft"),
                ("state", "frozen"),
            ])
        xml.end()
        xml.end()
        xml.start("cols")
        for (index, width) in widths.enumerated() {
            xml.empty(
                "col",
                [
                    ("min", "\(index + 1)"), ("max", "\(index + 1)"), ("width", String(format: "%.1f", width)),
                    ("customWidth", "1"),
                ])
        }
        xml.end()
        xml.start("sheetData")
        let tableWidth = widths.reduce(0, +)
        for (offset, note) in notes.enumerated() {
            let row = offset + 1
            writeRow(
                &xml, number: row, cells: [Cell(value: .text(note), emphasis: .warning)], wrapped: true,
                height: Worksheet.wrappedHeight(note, width: tableWidth))
            if lastColumn > 0 { merged.append("A\(row):\(last)\(row)") }
        }
        let headerLines = header.map { $0.split(separator: "\n").count }.max() ?? 1
        writeRow(
            &xml, number: headerRow, cells: header.map { Cell(value: .text($0), emphasis: .header) },
            height: headerLines > 1 ? Double(headerLines) * Worksheet.lineHeight : nil)
        for (offset, row) in rows.enumerated() { writeRow(&xml, number: headerRow + 1 + offset, cells: row) }
        for (offset, note) in footnotes.enumerated() {
            let row = footnoteRow + offset
            writeRow(
                &xml, number: row, cells: [Cell(value: .text(note), emphasis: .plain)], wrapped: true,
                height: Worksheet.wrappedHeight(note, width: tableWidth))
            if lastColumn > 0 { merged.append("A\(row):\(last)\(row)") }
        }
        if !legend.isEmpty {
            writeRow(&xml, number: legendRow, cells: [Cell(value: .text(legendTitle), emphasis: .plain)], wrapped: true)
            let meaningWidth = lastColumn > 0 ? tableWidth - widths[0] : tableWidth
            for (offset, entry) in legend.enumerated() {
                let row = legendRow + 1 + offset
                var cells = [Cell(value: .text(entry.label), emphasis: entry.emphasis)]
                if lastColumn > 0 { cells.append(Cell(value: .text(entry.meaning), emphasis: .plain)) }
                writeRow(
                    &xml, number: row, cells: cells, wrapped: lastColumn > 0, legendLabel: true,
                    height: Worksheet.wrappedHeight(entry.meaning, width: meaningWidth))
                if lastColumn > 1 { merged.append("B\(row):\(last)\(row)") }
            }
        }
        xml.end()
        xml.empty("autoFilter", [("ref", filterRange)])
        if !merged.isEmpty {
            xml.start("mergeCells", [("count", "\(merged.count)")])
            for range in merged { xml.empty("mergeCell", [("ref", range)]) }
            xml.end()
        }
        xml.empty("printOptions", [("horizontalCentered", "1")])
        xml.empty(
            "pageMargins",
            [
                ("left", "0.4"), ("right", "0.4"), ("top", "0.6"), ("bottom", "0.6"), ("header", "0.3"),
                ("footer", "0.3"),
            ])
        xml.empty("pageSetup", [("paperSize", "9"), ("orientation", "landscape"), ("fitToWidth", "1"), ("fitToHeight", "0")])
        xml.start("headerFooter")
        xml.element("oddHeader", text: "&C&A")
        xml.element("oddFooter", text: "&C" + pageFooter)
        xml.end()
        xml.end()
        return xml.bytes
    }

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

    /// Days from Excel's day 0 (1899-12-30, in the 1900 date system) to 1970-01-01.
    static let excelEpochOffset = 25_569

    /// Writes one `<row>`. `wrapped` cells are sentences (no border, wrapped, top-aligned); the
    /// others are table cells. The first cell of a legend row keeps its border even when the row is
    /// wrapped. `height` in points sets the row's height (nil: the application fits it).
    private func writeRow(
        _ xml: inout XMLStreamWriter, number: Int, cells: [Cell], wrapped: Bool = false,
        legendLabel: Bool = false, height: Double? = nil
    ) {
        var attributes = [("r", "\(number)")]
        if let height, height > Worksheet.lineHeight {
            attributes += [("ht", String(format: "%.1f", height)), ("customHeight", "1")]
        }
        xml.start("row", attributes)
        for (column, cell) in cells.enumerated() {
            let reference = Worksheet.columnName(column) + "\(number)"
            let styleIndex = XLSXWorkbook.style(
                for: cell.value, emphasis: cell.emphasis,
                wrapped: wrapped && !(legendLabel && column == 0))
            var attributes = [("r", reference), ("s", "\(styleIndex)")]
            switch cell.value {
            case .text(let text):
                attributes.append(("t", "inlineStr"))
                xml.start("c", attributes)
                xml.start("is")
                xml.element("t", [("xml:space", "preserve")], text: Worksheet.fitted(text))
                xml.end()
                xml.end()
            case .integer(let number), .signedInteger(let number):
                xml.start("c", attributes)
                xml.element("v", text: String(number))
                xml.end()
            case .percent(let number), .decimal(let number), .signedDecimal(let number):
                guard number.isFinite else {
                    xml.empty("c", attributes)
                    continue
                }
                xml.start("c", attributes)
                xml.element("v", text: "\(number)")
                xml.end()
            case .month(let period):
                xml.start("c", attributes)
                xml.element(
                    "v",
                    text: String(
                        LocalTime.daysFromCivil(year: period.year, month: period.month, day: 1)
                            + Worksheet.excelEpochOffset))
                xml.end()
            case .day(let date):
                xml.start("c", attributes)
                xml.element("v", text: String(date.days + Worksheet.excelEpochOffset))
                xml.end()
            case .empty:
                xml.empty("c", attributes)
            }
        }
        xml.end()
    }
}
