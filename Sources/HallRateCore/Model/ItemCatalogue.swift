/// The item catalogue (事项目录, contract rule 18): per item code, how it is handled and its time limits.
/// A transaction whose item is not listed counts in rules 1–17 as before and is "uncatalogued" for the
/// time-limit figures (rules 19–21).
package struct ItemCatalogue: Sendable {
    /// 即办件 (done on the spot) or 承诺件 (done within a promised limit); GB/T 39046 办件类型 1 and 2.
    package enum Kind: String, Sendable { case instant, promised }

    package struct Item: Sendable, Equatable {
        package let code: String
        package let name: String
        package let kind: Kind
        /// 承诺时限 and 法定时限, in `unit`.
        package let promisedLimit: Int
        package let legalLimit: Int
        package let unit: WorkingDayCalendar.Unit
        /// 网上可办: the item can be applied for online.
        package let onlineCapable: Bool
        /// 全程网办: the item can be handled online from application to result.
        package let fullyOnline: Bool

        /// What judging a transaction needs of the item, without its code and name.
        package var terms: Terms {
            Terms(kind: kind, promisedLimit: promisedLimit, legalLimit: legalLimit, unit: unit, fullyOnline: fullyOnline)
        }
    }

    /// An item's kind, limits and unit: a plain value (no strings), so counting millions of rows copies
    /// it for free.
    package struct Terms: Sendable, Equatable {
        package let kind: Kind
        package let promisedLimit: Int
        package let legalLimit: Int
        package let unit: WorkingDayCalendar.Unit
        package let fullyOnline: Bool
    }

    /// By code, in the file's order.
    package let items: [Item]
    private let index: [String: Int]

    package init(items: [Item]) {
        self.items = items
        index = Dictionary(items.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The item with this code (normalised as item codes are), or nil: uncatalogued.
    package subscript(code: String) -> Item? { index[code].map { items[$0] } }
}
