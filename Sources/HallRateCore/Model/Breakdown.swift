/// One row of a breakdown (contract rule 17): the counted and online transactions of one item (事项) or
/// one department (受理部门) over all halls of a tier in a month.
package struct Breakdown: Sendable {
    /// What the rows are broken down by.
    package enum Dimension: String, Sendable, CaseIterable {
        case item, department
    }

    /// Which item or department: its code (an item) or name (a department), empty when the field was
    /// empty ("(blank)"), nil when the rows' source does not map the field or the rows were stored by a
    /// version that did not keep it ("(not recorded)").
    package struct Key: Hashable, Sendable {
        package let code: String?
        package init(code: String?) { self.code = code }
        package static let notRecorded = Key(code: nil)
    }

    package let dimension: Dimension
    package let tier: Tier
    package let period: Period
    package let key: Key
    /// An item's name (the one given by the latest file in path order that names it); empty for a department.
    package let name: String
    package let total: Int
    package let online: Int
    /// Handled at a window or a kiosk (rule 17's missed_online counts these for online-capable items).
    package let windowOrKiosk: Int
    /// Counted transactions not handled online (window, kiosk, other): what holds the tier's rate down.
    package var offline: Int { total - online }
    package var ratio: Double { Double(online) / Double(total) }

    /// The order of breakdown rows: by month, tier, then total descending, then key ("(not recorded)" last).
    static func listedBefore(_ a: Breakdown, _ b: Breakdown) -> Bool {
        if a.period != b.period { return a.period < b.period }
        if a.tier != b.tier { return a.tier < b.tier }
        if a.total != b.total { return a.total > b.total }
        return (a.key.code ?? "\u{10FFFF}") < (b.key.code ?? "\u{10FFFF}")
    }
}
