/// One record on its way into a monthly file.
struct ExportRow {
    let fields: [String]
    /// Index of the month whose file carries the row.
    let month: Int
    /// Files are ordered by update time, like an incremental export.
    let sortKey: Int64
    /// Tie-breaker that keeps the order total and reproducible.
    let order: Int
    /// Index into the tier's planted defects when this row is one of them.
    var defect: Int?
    /// For a duplicate: true on the superseded copy.
    var isEarlierCopy = false
}
