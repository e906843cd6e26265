/// One layout's generated export: its monthly files, the genuine transactions and the planted defects.
struct TierExport {
    let layout: ExportLayout
    /// The data rows of each month's file, in file order.
    let files: [[ExportRow]]
    /// Every genuine transaction in its final state (what a correct pipeline counts).
    let transactions: [Transaction]
    let defects: [PlantedDefect]

    /// The bytes of month `t`'s file, header included, in the layout's encoding.
    func fileBytes(_ t: Int) throws -> [UInt8] {
        var text: [UInt8] = []
        CSVLine.append(layout.header, lineEnding: layout.lineEnding, to: &text)
        for row in files[t] { CSVLine.append(row.fields, lineEnding: layout.lineEnding, to: &text) }
        return try layout.encoding.encode(text)
    }
}
