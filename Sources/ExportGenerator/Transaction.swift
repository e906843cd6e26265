/// One transaction (办件) in its final state, before a layout renders it.
struct Transaction {
    var id = ""
    var hall: HallRecord
    var item: CatalogItem?
    var channel: ChannelKind
    var status: StatusKind
    let accepted: Stamp
    /// When it was completed; meaningful only when `status` is `.done`.
    var finished: Stamp?
    var updated: Stamp
    /// 申请人证件号码.
    let person: String
    /// Index of the month of `accepted` (the period it counts in).
    let period: Int
    /// Index of the month whose file carries this row (a later one for re-exported corrections).
    var fileMonth: Int
    /// The offset the XML layout writes its times with (other layouts write Shanghai time without one).
    var zone: ZoneStyle = .shanghai
}
