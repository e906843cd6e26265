/// Planned rows of one hall in one month: counted transactions, how many of those were online, and
/// withdrawn ones on top (which no count includes).
struct HallMonthCounts: Equatable {
    var counted: Int
    var online: Int
    var withdrawn: Int

    static let empty = HallMonthCounts(counted: 0, online: 0, withdrawn: 0)

    var rows: Int { counted + withdrawn }
}
