/// One record on its way into an export file.
struct ExportRow {
    let fields: [String]
    /// The hall the record belongs to; it picks the file of layouts that write one file per hall.
    let hall: HallRecord
    /// Index of the month whose file carries the row.
    let month: Int
    /// Files are ordered by update time, like an incremental export.
    let sortKey: Int64
    /// Tie-breaker that keeps the order total and reproducible.
    let order: Int
    /// Index into the layout's planted defects when this row is one of them.
    var defect: Int?
    /// For a duplicate: true on the superseded copy.
    var isEarlierCopy = false
}
