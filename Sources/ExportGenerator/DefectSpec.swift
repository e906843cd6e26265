/// A defect row before rendering: its kind, which instance of that kind it is, and its transaction.
struct DefectSpec {
    let kind: DefectKind
    let instance: Int
    var txn: Transaction
}
