/// A hall (by registry index) in a month: the key of every per-hall figure.
package struct HallPeriod: Hashable, Comparable, Sendable {
    package let hall: Int
    package let period: Period

    package init(hall: Int, period: Period) {
        self.hall = hall
        self.period = period
    }

    package static func < (lhs: HallPeriod, rhs: HallPeriod) -> Bool {
        (lhs.hall, lhs.period.index) < (rhs.hall, rhs.period.index)
    }
}
