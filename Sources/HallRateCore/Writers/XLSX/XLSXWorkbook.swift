import Foundation
import ZIPFoundation

/// Why a workbook cannot be assembled.
enum XLSXWorkbookError: Error, CustomStringConvertible {
    /// Two sheets named alike (Excel compares names without case).
    case duplicateSheetName(String)

    var description: String {
        switch self {
        case .duplicateSheetName(let name): return "two sheets are named '\(name)'"
        }
    }
}

/// An Office Open XML workbook (.xlsx) assembled from ``Worksheet``s with ZIPFoundation:
/// the package parts, a small stylesheet, and one part per sheet.
struct XLSXWorkbook {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    var sheets: [Worksheet] = []
    /// How a ``Worksheet/Value/month`` cell shows: `yyyy"年"m"月"` (2019年4月) or `yyyy-mm`.
    var monthFormat = "yyyy-mm"
    /// How a ``Worksheet/Value/day`` cell shows: `yyyy"年"m"月"d"日"` or `yyyy-mm-dd`.
    var dayFormat = "yyyy-mm-dd"
    /// The printed footer, centred: `第 &P 页，共 &N 页` (`&P` the page, `&N` the pages).
    var pageFooter = "Page &P of &N"

    /// The number formats of the stylesheet, one per kind of value.
    enum NumberFormat: Int, CaseIterable {
        case text, integer, signedInteger, percent, decimal, signedDecimal, month, day

        init(_ value: Worksheet.Value) {
            switch value {
            case .text, .empty: self = .text
            case .integer: self = .integer
            case .signedInteger: self = .signedInteger
            case .percent: self = .percent
            case .decimal: self = .decimal
            case .signedDecimal: self = .signedDecimal
            case .month: self = .month
            case .day: self = .day
            }
        }

        /// The format's id: built-in `@` (49), `0` (1), `0.00` (2), or one of the custom formats from 164.
        var id: Int {
            switch self {
            case .text: return 49
            case .integer: return 1
            case .decimal: return 2
            case .percent: return 164
            case .signedInteger: return 165
            case .signedDecimal: return 166
            case .month: return 167
            case .day: return 168
            }
        }
    }

    /// The custom number formats by id (the month and day formats are the workbook's).
    private var customFormats: [(id: Int, code: String)] {
        [(164, "0.00%"), (165, "+0;-0;0"), (166, "+0.00;-0.00;0.00"), (167, monthFormat), (168, dayFormat)]
    }

    /// The index of a cell format in the stylesheet: 0 the default, then one per number format,
    /// emphasis and layout (a table cell with a border, or a wrapped sentence without one).
    static func style(for value: Worksheet.Value, emphasis: Worksheet.Emphasis, wrapped: Bool) -> Int {
        let format = NumberFormat(value).rawValue
        return 1 + (format * Worksheet.Emphasis.allCases.count + emphasis.rawValue) * 2 + (wrapped ? 1 : 0)
    }

    /// The fill of each emphasis, as ARGB (nil: none); chosen to stay apart in grayscale print, where
    /// the words of the row say the same.
    static func fillColor(_ emphasis: Worksheet.Emphasis) -> String? {
        switch emphasis {
        case .plain: return nil
        case .header: return "FFD9D9D9"
        case .warning: return "FFFFD966"
        case .redList: return "FFFCD5D4"
        case .blackList: return "FFA6A6A6"
        case .belowTarget: return "FFFFF2CC"
        case .noData: return "FFDDEBF7"
        }
    }

    /// Whether an emphasis is written in bold.
    static func isBold(_ emphasis: Worksheet.Emphasis) -> Bool {
        emphasis == .header || emphasis == .warning || emphasis == .blackList
    }

    /// The workbook's bytes. Entries carry a fixed date, so the same sheets give the same bytes.
    /// - Throws: ``XLSXWorkbookError`` when two sheets share a name; ZIPFoundation's errors.
    func data() throws -> Data {
        var seen: Set<String> = []
        for sheet in sheets where !seen.insert(sheet.name.lowercased()).inserted {
            throw XLSXWorkbookError.duplicateSheetName(sheet.name)  // Excel refuses the whole file
        }
        let archive = try Archive(data: Data(), accessMode: .create)
        var parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", contentTypes()), ("_rels/.rels", rootRelationships()),
            ("xl/workbook.xml", workbook()), ("xl/_rels/workbook.xml.rels", workbookRelationships()),
            ("xl/styles.xml", styles()),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet.xml(pageFooter: pageFooter)))
        }
        let date = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, the ZIP epoch
        for (path, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    private func contentTypes() -> [UInt8] {
        var xml = XMLStreamWriter()
        xml.start("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")])
        xml.empty("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
        xml.empty("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
        xml.empty(
            "Override",
            [
                ("PartName", "/xl/workbook.xml"),
                ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
            ])
        xml.empty(
            "Override",
            [
                ("PartName", "/xl/styles.xml"),
                ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
            ])
        for index in sheets.indices {
            xml.empty(
                "Override",
                [
                    ("PartName", "/xl/worksheets/sheet\(index + 1).xml"),
                    ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
                ])
        }
        xml.end()
        return xml.bytes
    }

    private func rootRelationships() -> [UInt8] {
        var xml = XMLStreamWriter()
        xml.start("Relationships", [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")])
        xml.empty(
            "Relationship",
            [
                ("Id", "rId1"), ("Target", "xl/workbook.xml"),
                ("Type", XLSXWorkbook.relationshipNamespace + "/officeDocument"),
            ])
        xml.end()
        return xml.bytes
    }

    private func workbook() -> [UInt8] {
        var xml = XMLStreamWriter()
        xml.start("workbook", [("xmlns", XLSXWorkbook.mainNamespace), ("xmlns:r", XLSXWorkbook.relationshipNamespace)])
        xml.start("sheets")
        for (index, sheet) in sheets.enumerated() {
            xml.empty("sheet", [("name", sheet.name), ("sheetId", "\(index + 1)"), ("r:id", "rId\(index + 1)")])
        }
        xml.end()
        xml.start("definedNames")
        for (index, sheet) in sheets.enumerated() {
            let lastColumn = Worksheet.columnName(sheet.lastColumn)
            let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
            xml.element(
                "definedName", [("name", "_xlnm._FilterDatabase"), ("localSheetId", "\(index)"), ("hidden", "1")],
                text: "\(quoted)!$A$\(sheet.headerRow):$\(lastColumn)$\(sheet.headerRow + sheet.rows.count)")
            xml.element(
                "definedName", [("name", "_xlnm.Print_Titles"), ("localSheetId", "\(index)")],
                text: "\(quoted)!$\(sheet.headerRow):$\(sheet.headerRow)")
        }
        xml.end()
        xml.end()
        return xml.bytes
    }

    private func workbookRelationships() -> [UInt8] {
        var xml = XMLStreamWriter()
        xml.start("Relationships", [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")])
        for index in sheets.indices {
            xml.empty(
                "Relationship",
                [
                    ("Id", "rId\(index + 1)"), ("Target", "worksheets/sheet\(index + 1).xml"),
                    ("Type", XLSXWorkbook.relationshipNamespace + "/worksheet"),
                ])
        }
        xml.empty(
            "Relationship",
            [
                ("Id", "rId\(sheets.count + 1)"), ("Target", "styles.xml"),
                ("Type", XLSXWorkbook.relationshipNamespace + "/styles"),
            ])
        xml.end()
        return xml.bytes
    }

    /// The stylesheet: number formats, two fonts, the fills of ``fillColor(_:)``, a thin border, the
    /// cell formats of ``style(for:emphasis:wrapped:)``, and the `Normal` cell style every format
    /// derives from (without it openpyxl warns that the workbook has no default style).
    private func styles() -> [UInt8] {
        let emphases = Worksheet.Emphasis.allCases
        var fillIndex: [Worksheet.Emphasis: Int] = [:]
        var fills: [String] = []
        for emphasis in emphases {
            guard let color = XLSXWorkbook.fillColor(emphasis) else { continue }
            fillIndex[emphasis] = 2 + fills.count  // after the two fills the format requires
            fills.append(color)
        }
        var xml = XMLStreamWriter()
        xml.start("styleSheet", [("xmlns", XLSXWorkbook.mainNamespace)])
        xml.start("numFmts", [("count", "\(customFormats.count)")])
        for format in customFormats { xml.empty("numFmt", [("numFmtId", "\(format.id)"), ("formatCode", format.code)]) }
        xml.end()
        xml.start("fonts", [("count", "2")])
        for bold in [false, true] {
            xml.start("font")
            if bold { xml.empty("b") }
            xml.empty("sz", [("val", "11")])
            xml.empty("name", [("val", "等线")])
            xml.empty("family", [("val", "2")])
            xml.empty("charset", [("val", "134")])
            xml.end()
        }
        xml.end()
        xml.start("fills", [("count", "\(2 + fills.count)")])
        for pattern in ["none", "gray125"] {
            xml.start("fill")
            xml.empty("patternFill", [("patternType", pattern)])
            xml.end()
        }
        for color in fills {
            xml.start("fill")
            xml.start("patternFill", [("patternType", "solid")])
            xml.empty("fgColor", [("rgb", color)])
            xml.empty("bgColor", [("indexed", "64")])
            xml.end()
            xml.end()
        }
        xml.end()
        xml.start("borders", [("count", "2")])
        xml.start("border")
        for side in ["left", "right", "top", "bottom", "diagonal"] { xml.empty(side) }
        xml.end()
        xml.start("border")
        for side in ["left", "right", "top", "bottom"] {
            xml.start(side, [("style", "thin")])
            xml.empty("color", [("rgb", "FF808080")])  // mid gray: visible on paper
            xml.end()
        }
        xml.empty("diagonal")
        xml.end()
        xml.end()
        xml.start("cellStyleXfs", [("count", "1")])
        xml.empty("xf", [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")])
        xml.end()
        let count = 1 + NumberFormat.allCases.count * emphases.count * 2
        xml.start("cellXfs", [("count", "\(count)")])
        xml.empty("xf", [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0"), ("xfId", "0")])
        for format in NumberFormat.allCases {
            for emphasis in emphases {
                for wrapped in [false, true] {
                    let font = XLSXWorkbook.isBold(emphasis) ? "1" : "0"
                    let fill = fillIndex[emphasis].map(String.init) ?? "0"
                    let border = wrapped ? "0" : "1"
                    xml.start(
                        "xf",
                        [
                            ("numFmtId", "\(format.id)"), ("fontId", font), ("fillId", fill), ("borderId", border),
                            ("xfId", "0"), ("applyNumberFormat", "1"), ("applyFont", "1"), ("applyFill", "1"),
                            ("applyBorder", "1"), ("applyAlignment", "1"),
                        ])
                    if emphasis == .header {
                        xml.empty("alignment", [("horizontal", "center"), ("vertical", "center"), ("wrapText", "1")])
                    } else if wrapped {
                        xml.empty("alignment", [("vertical", "center"), ("wrapText", "1")])
                    } else if [.month, .day, .integer, .signedInteger].contains(format) {
                        // Ranks, counts and months centred: a rank never reads as the first digit of the code beside it.
                        xml.empty("alignment", [("horizontal", "center"), ("vertical", "center")])
                    } else {
                        xml.empty("alignment", [("vertical", "center")])
                    }
                    xml.end()
                }
            }
        }
        xml.end()
        xml.start("cellStyles", [("count", "1")])
        xml.empty("cellStyle", [("name", "Normal"), ("xfId", "0"), ("builtinId", "0")])
        xml.end()
        xml.empty("dxfs", [("count", "0")])
        xml.empty("tableStyles", [("count", "0"), ("defaultTableStyle", "TableStyleMedium2"), ("defaultPivotStyle", "PivotStyleLight16")])
        xml.end()
        return xml.bytes
    }
}
