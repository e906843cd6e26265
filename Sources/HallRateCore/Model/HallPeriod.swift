/// A hall (by registry index) in a month: the key of every per-hall figure.
public struct HallPeriod: Hashable, Comparable, Sendable {
    public let hall: Int
    public let period: Period

    public init(hall: Int, period: Period) {
        self.hall = hall
        self.period = period
    }

    public static func < (lhs: HallPeriod, rhs: HallPeriod) -> Bool {
        (lhs.hall, lhs.period.index) < (rhs.hall, rhs.period.index)
    }
}
