import Foundation
import ZIPFoundation

/// An Office Open XML workbook (.xlsx) assembled from ``Worksheet``s with ZIPFoundation:
/// the package parts, a small stylesheet, and one part per sheet.
struct XLSXWorkbook {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    var sheets: [Worksheet] = []

    /// Cell formats of the stylesheet, by index: 0 default, 1 header, 2 text, 3 integer, 4 percent,
    /// 5 decimal, then 6–9 the same four highlighted.
    static func style(for value: Worksheet.Value, header: Bool, highlighted: Bool) -> Int {
        if header { return 1 }
        let base: Int
        switch value {
        case .text, .empty: base = 2
        case .integer: base = 3
        case .percent: base = 4
        case .decimal: base = 5
        }
        return highlighted ? base + 4 : base
    }

    /// The workbook's bytes. Entries carry a fixed date, so the same sheets give the same bytes.
    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        var parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", contentTypes()), ("_rels/.rels", rootRelationships()),
            ("xl/workbook.xml", workbook()), ("xl/_rels/workbook.xml.rels", workbookRelationships()),
            ("xl/styles.xml", styles()),
        ]
        for (index, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet.xml())) }
        let date = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, the ZIP epoch
        for (path, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
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
        xml.empty("Override", [("PartName", "/xl/workbook.xml"),
                               ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")])
        xml.empty("Override", [("PartName", "/xl/styles.xml"),
                               ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")])
        for index in sheets.indices {
            xml.empty("Override", [("PartName", "/xl/worksheets/sheet\(index + 1).xml"),
                                   ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")])
        }
        xml.end()
        return xml.bytes
    }

    private func rootRelationships() -> [UInt8] {
        var xml = XMLStreamWriter()
        xml.start("Relationships", [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")])
        xml.empty("Relationship", [("Id", "rId1"), ("Target", "xl/workbook.xml"),
                                   ("Type", XLSXWorkbook.relationshipNamespace + "/officeDocument")])
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
            let lastColumn = Worksheet.columnName(max(sheet.header.count - 1, 0))
            let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
            xml.element("definedName", [("name", "_xlnm._FilterDatabase"), ("localSheetId", "\(index)"), ("hidden", "1")],
                        text: "\(quoted)!$A$\(sheet.headerRow):$\(lastColumn)$\(sheet.headerRow + sheet.rows.count)")
        }
        xml.end()
        xml.end()
        return xml.bytes
    }

    private func workbookRelationships() -> [UInt8] {
        var xml = XMLStreamWriter()
        xml.start("Relationships", [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")])
        for index in sheets.indices {
            xml.empty("Relationship", [("Id", "rId\(index + 1)"), ("Target", "worksheets/sheet\(index + 1).xml"),
                                       ("Type", XLSXWorkbook.relationshipNamespace + "/worksheet")])
        }
        xml.empty("Relationship", [("Id", "rId\(sheets.count + 1)"), ("Target", "styles.xml"),
                                   ("Type", XLSXWorkbook.relationshipNamespace + "/styles")])
        xml.end()
        return xml.bytes
    }

    private func styles() -> [UInt8] {
        var xml = XMLStreamWriter()
        xml.start("styleSheet", [("xmlns", XLSXWorkbook.mainNamespace)])
        xml.start("numFmts", [("count", "1")])
        xml.empty("numFmt", [("numFmtId", "164"), ("formatCode", "0.00%")])
        xml.end()
        xml.start("fonts", [("count", "2")])
        for bold in [false, true] {
            xml.start("font")
            if bold { xml.empty("b") }
            xml.empty("sz", [("val", "11")])
            xml.empty("name", [("val", "等线")])
            xml.end()
        }
        xml.end()
        xml.start("fills", [("count", "4")])
        for pattern in ["none", "gray125"] {
            xml.start("fill")
            xml.empty("patternFill", [("patternType", pattern)])
            xml.end()
        }
        for color in ["FFD9D9D9", "FFFFE699"] {  // header gray; highlight light amber (readable in grayscale)
            xml.start("fill")
            xml.start("patternFill", [("patternType", "solid")])
            xml.empty("fgColor", [("rgb", color)])
            xml.empty("bgColor", [("indexed", "64")])
            xml.end()
            xml.end()
        }
        xml.end()
        xml.start("borders", [("count", "1")])
        xml.empty("border")
        xml.end()
        xml.start("cellStyleXfs", [("count", "1")])
        xml.empty("xf", [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")])
        xml.end()
        // numFmt: text 49 ("@"), integer 1 ("0"), percent 164, decimal 2 ("0.00").
        let formats: [(numFmt: String, font: String, fill: String)] = [
            ("0", "0", "0"), ("49", "1", "2"),
            ("49", "0", "0"), ("1", "0", "0"), ("164", "0", "0"), ("2", "0", "0"),
            ("49", "1", "3"), ("1", "1", "3"), ("164", "1", "3"), ("2", "1", "3"),
        ]
        xml.start("cellXfs", [("count", "\(formats.count)")])
        for format in formats {
            xml.empty("xf", [("numFmtId", format.numFmt), ("fontId", format.font), ("fillId", format.fill), ("borderId", "0"),
                             ("xfId", "0"), ("applyNumberFormat", "1"), ("applyFont", "1"), ("applyFill", "1")])
        }
        xml.end()
        xml.end()
        return xml.bytes
    }
}
