/// One layout's generated export: its files, the genuine transactions and the planted defects.
struct TierExport {
    let layout: ExportLayout
    /// Every file, in path order.
    let files: [ExportFile]
    /// Every genuine transaction in its final state (what a correct pipeline counts).
    let transactions: [Transaction]
    let defects: [PlantedDefect]

    /// Data rows (CSV, TAB) or records (XML) of all files.
    var rowCount: Int { files.reduce(0) { $0 + $1.rows.count } }

    /// Data rows or records in the files of month `t`.
    func rowCount(month t: Int) -> Int {
        files.filter { $0.monthIndex == t }.reduce(0) { $0 + $1.rows.count }
    }

    /// Files of month `t`.
    func fileCount(month t: Int) -> Int { files.filter { $0.monthIndex == t }.count }
}
