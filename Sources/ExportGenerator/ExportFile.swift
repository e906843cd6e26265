/// One generated export file: where it goes, its month and the records it carries, in file order.
struct ExportFile {
    /// Path relative to the demo directory.
    let relativePath: String
    /// Index of the file's month.
    let monthIndex: Int
    let month: Month
    /// The station of a per-hall (XML) file; nil for the files of a whole tier.
    let station: HallRecord?
    var rows: [ExportRow]
    /// Set on the one damaged file, whose last record is cut off mid-element.
    var isTruncated = false

    /// The line each row starts on.
    func startLines(_ layout: ExportLayout) -> [Int] {
        switch layout.format {
        case .commaSeparated, .tabSeparated: return rows.indices.map { $0 + 2 }
        case .xml: return XMLExportDocument.startLines(of: rows.map(\.fields))
        }
    }

    /// The bytes of the file, header included, in the layout's encoding.
    func bytes(_ layout: ExportLayout) throws -> [UInt8] {
        var text: [UInt8] = []
        switch layout.format {
        case .commaSeparated:
            CSVLine.append(layout.header, lineEnding: layout.lineEnding, to: &text)
            for row in rows { CSVLine.append(row.fields, lineEnding: layout.lineEnding, to: &text) }
        case .tabSeparated:
            TabLine.append(layout.header, lineEnding: layout.lineEnding, to: &text)
            for row in rows { TabLine.append(row.fields, lineEnding: layout.lineEnding, to: &text) }
        case .xml:
            let document = XMLExportDocument(
                stationName: station?.name ?? "", month: month,
                records: rows.map(\.fields), truncatesLastRecord: isTruncated)
            text.appendText(document.text)
        }
        return try layout.encoding.encode(text)
    }
}
