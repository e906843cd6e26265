/// What a correct pipeline reports for one layout or the whole set: data rows read, rejects by reason,
/// superseded duplicate copies dropped, and rows accepted.
struct Reconciliation: Equatable {
    /// CSV and TAB data rows plus XML records; the damaged file's cut-off record counts as one.
    var rowsRead = 0
    /// Rejected rows per reason, in ``RejectReason`` order.
    var rejects: [Int] = Array(repeating: 0, count: RejectReason.allCases.count)
    var duplicates = 0

    var rejected: Int { rejects.reduce(0, +) }
    var accepted: Int { rowsRead - rejected - duplicates }

    func rejects(_ reason: RejectReason) -> Int {
        rejects[RejectReason.allCases.firstIndex(of: reason) ?? 0]
    }

    init() {}

    init(_ export: TierExport) {
        rowsRead = export.rowCount
        for defect in export.defects {
            if let reason = defect.kind.reason {
                rejects[RejectReason.allCases.firstIndex(of: reason) ?? 0] += 1
            } else {
                duplicates += 1
            }
        }
    }

    static func + (lhs: Reconciliation, rhs: Reconciliation) -> Reconciliation {
        var sum = lhs
        sum.rowsRead += rhs.rowsRead
        sum.rejects = zip(lhs.rejects, rhs.rejects).map { $0 + $1 }
        sum.duplicates += rhs.duplicates
        return sum
    }
}
